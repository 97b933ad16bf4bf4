/** The Bot API's error envelope, thrown by the fake's method handlers and turned into HTTP answers. */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

export const badRequest = (what: string, parameters?: ResponseParameters) =>
  new ApiError(400, `Bad Request: ${what}`, parameters);
export const forbidden = (what: string) => new ApiError(403, `Forbidden: ${what}`);
export const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

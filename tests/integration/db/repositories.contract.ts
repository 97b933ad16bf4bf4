/**
 * The repository contract: what every implementation of the storage ports must do, run against the
 * in-memory fakes, PGlite and a real Postgres server by one small test file each. One database per file,
 * emptied before every test.
 */
import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { PortRepositories } from "../../fakes/memory-repositories.ts";
import { campaignsContract } from "./campaigns.contract.ts";
import { catalogContract } from "./catalog.contract.ts";
import { catalogPagingContract } from "./catalog-paging.contract.ts";
import { takedownContract } from "./takedown.contract.ts";
import { verificationContract } from "./verification.contract.ts";
import { schedulingContract } from "./scheduling.contract.ts";
import { spotlightsContract } from "./spotlights.contract.ts";
import { pressesContract } from "./presses.contract.ts";

/** The ports every storage implements; the delivery ledger has its own tests on the databases. */
export type ContractRepositories = PortRepositories;

export interface ContractTarget {
  /** Opens the storage once for the whole file. */
  open(): Promise<{ repositories: ContractRepositories; reset(): Promise<void>; close(): Promise<void> }>;
  /** Skip every test (e.g. no TEST_DATABASE_URL). */
  skip?: boolean;
}

/** Hands the tests the repositories opened for this file. */
export interface ContractContext {
  repositories(): ContractRepositories;
}

export function repositoriesContract(name: string, target: ContractTarget): void {
  describe.skipIf(target.skip ?? false)(`repositories on ${name}`, () => {
    let opened: Awaited<ReturnType<ContractTarget["open"]>> | undefined;
    beforeAll(async () => {
      opened = await target.open();
    });
    beforeEach(async () => {
      await opened?.reset();
    });
    afterAll(async () => {
      await opened?.close();
    });
    const context: ContractContext = {
      repositories() {
        if (!opened) throw new Error("the contract's storage is not open");
        return opened.repositories;
      },
    };
    catalogContract(context);
    catalogPagingContract(context);
    takedownContract(context);
    verificationContract(context);
    schedulingContract(context);
    spotlightsContract(context);
    campaignsContract(context);
    pressesContract(context);
  });
}

/** Every message along an error's cause chain: drivers wrap the server's message in their own. */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join("\n");
}

import { describe, expect, it } from "vitest";
import { panelAddress, signInUrl } from "../../../src/app-panel.ts";
import { loadConfig } from "../../../src/config.ts";
import { ConfigError } from "../../../src/core/errors.ts";
import { escapeHtml, Html, html, safeHref } from "../../../src/panel/html.ts";
import { csrfTokenFor, csrfValid, RateLimiter } from "../../../src/panel/security.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
}

describe("the panel's settings", () => {
  it("is off by default, on 127.0.0.1 when PANEL_PORT is set", () => {
    expect(loadConfig({}).PANEL_PORT).toBeUndefined();
    expect(loadConfig({ PANEL_PORT: "8081" })).toMatchObject({ PANEL_PORT: 8081, PANEL_HOST: "127.0.0.1" });
  });

  it("names what is wrong with each panel setting, among the others", () => {
    expect(problemsOf({ PANEL_PORT: "80a", PANEL_PUBLIC_URL: "panel.example.org" })).toEqual([
      "PANEL_PORT must be a port number from 0 to 65535 (digits only)",
      "PANEL_PUBLIC_URL must be the panel's http(s) address as people open it, without a path, such as https://panel.example.org",
    ]);
    expect(problemsOf({ PANEL_PORT: "8080" })).toEqual([
      "PANEL_PORT must differ from HTTP_PORT (both are 8080): each server needs its own port",
    ]);
  });

  it("builds sign-in links from the public address, else the bound one", () => {
    expect(signInUrl(loadConfig({ PANEL_PORT: "8081" }), "a/b")).toBe(
      "http://127.0.0.1:8081/sign-in?token=a%2Fb",
    );
    expect(panelAddress(loadConfig({ PANEL_PORT: "8081", PANEL_HOST: "0.0.0.0" }))).toBe(
      "http://localhost:8081",
    );
    expect(panelAddress(loadConfig({ PANEL_PUBLIC_URL: "https://staff.example.org/" }))).toBe(
      "https://staff.example.org",
    );
    expect(problemsOf({ PANEL_PUBLIC_URL: "https://example.org/panel" })).toHaveLength(1);
    expect(() => panelAddress(loadConfig({}))).toThrow(/set PANEL_PORT/);
    expect(() => panelAddress(loadConfig({ PANEL_PORT: "0" }))).toThrow(/PANEL_PORT is 0/);
  });
});

describe("the panel's HTML and guards", () => {
  it("escapes every value unless it is Html already", () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(html`<ul>${["<a>", new Html("<b>")]}</ul>`.text).toBe("<ul>&lt;a&gt;<b></ul>");
    expect(escapeHtml("plain")).toBe("plain");
    expect(safeHref("javascript:alert(1)")).toBe("#");
    expect(safeHref("https://example.org/a")).toBe("https://example.org/a");
  });

  it("derives a CSRF token per session and checks it in constant time", () => {
    const token = csrfTokenFor("session-a");
    expect(csrfValid("session-a", token)).toBe(true);
    expect(csrfValid("session-b", token)).toBe(false);
    expect(csrfValid("session-a", undefined)).toBe(false);
    expect(csrfValid("session-a", `${token}x`)).toBe(false);
  });

  it("limits requests per address per window", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a"), limiter.take("b")]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 1000;
    expect(limiter.take("a")).toBe(true);
  });
});

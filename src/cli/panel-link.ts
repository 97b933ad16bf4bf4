/**
 * `panel link --name <who> --role <role>`: a one-time sign-in link to the staff panel, valid 15 minutes.
 * Run here, or by the running bot when it owns the embedded database (so the link is in its database).
 */
import { panelAddress, signInUrl, staffAccess } from "../app-panel.ts";
import type { CliContext } from "./context.ts";

export async function runPanelLink(ctx: CliContext, input: { name: string; role: string }): Promise<number> {
  return ctx.withApp(async (app) => {
    // The settings of whoever carries the command out (the running bot's, when it does), checked before
    // anything is stored: without PANEL_PORT or PANEL_PUBLIC_URL a link could name no address.
    panelAddress(app.config);
    const link = await staffAccess(app).issueLink({ ...input, actor: `cli:${ctx.io.user}` });
    const url = signInUrl(app.config, link.token);
    const until = `${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    ctx.io.stdout.write(
      `Sign-in link for ${link.person.name} (${link.person.role}${link.created ? ", new" : ""}), ` +
        `valid once until ${until}:\n${url}\n`,
    );
    return 0;
  });
}

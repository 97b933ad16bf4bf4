/** The console's reply as a terminal shows it: its text, monospaced, escaped. */
import { type Html, html } from "../html.ts";

export function consolePreview(text: string): Html {
  return html`<pre class="pv console">${text}</pre>`;
}

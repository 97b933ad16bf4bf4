/**
 * A TypeScript script of the tests (and the sources it imports) compiled into one JavaScript file, for
 * tests that start it as a process many times: plain node loads the file in about a third of the time
 * and CPU that `node --import tsx` takes to load the same modules one by one (measured: 0.4 s against
 * 1.1-1.5 s a start). Built from the sources at each run, so it is never older than them. The packages
 * it imports are compiled in as well (one file to load instead of hundreds: 0.25 s of CPU a start instead
 * of 0.41 s, measured on the delivery worker), but for those that find their own files from where they lie
 * (PGLITE_LOCATES_ITSELF), which stay imports resolved from the checkout's node_modules. Each of our
 * modules keeps its own `import.meta.url`, so a path made from it (the migrations, the sample data) is
 * the one it has under tsx.
 */
import { mkdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** esbuild as tsx itself carries it (tsx depends on it), not a package of our own to keep in step. */
type Esbuild = typeof import("esbuild");
const esbuild = (): Esbuild =>
  createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))("esbuild") as Esbuild;

/**
 * Packages that read files next to their own code (PGlite its WebAssembly and data, by `import.meta.url`):
 * compiled into the bundle they would look beside it. Checked with esbuild's metafile for the delivery
 * worker: no other package it imports uses import.meta.url, __dirname or require.resolve.
 */
const PGLITE_LOCATES_ITSELF = ["@electric-sql/pglite"];

/** CommonJS packages compiled into an ES module still call require() for Node's own modules. */
const REQUIRE_IN_ESM = `import { createRequire as __createRequire } from "node:module";
const require = __createRequire(import.meta.url);`;

export interface BundledScript {
  /** The compiled file: `spawn(process.execPath, [path, ...args])`. */
  path: string;
  remove(): Promise<void>;
}

/**
 * Compiles `entry` into a new file under the checkout's tmp/ (ignored by git): inside the checkout, so
 * that its package imports resolve from node_modules as the sources' do.
 */
export async function bundleScript(entry: string): Promise<BundledScript> {
  const dir = join(ROOT, "tmp", `bundled-${process.pid}-${Date.now()}`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, "script.mjs");
  await esbuild().build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    external: PGLITE_LOCATES_ITSELF,
    banner: { js: REQUIRE_IN_ESM },
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    plugins: [
      {
        name: "own-import-meta-url",
        setup(build) {
          build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
            const source = await readFile(args.path, "utf8");
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
          });
        },
      },
    ],
  });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

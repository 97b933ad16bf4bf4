/**
 * A worker thread running one of the project's modules, from the sources as from the build. Under tsx (the
 * sources, tests) the module is TypeScript, and tsx's loader, registered with --import, does not reach
 * worker threads on Node 20 (privatenumber/tsx#354): a small script registers tsx's ESM API in the worker
 * and then imports the module. The build (dist/) compiles every module to JavaScript, started as is.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * `name` is the module's file name without extension, next to `from` (the caller's import.meta.url): the
 * worker runs `name.ts` when the caller is itself TypeScript, else `name.js`.
 */
export function startModuleWorker(from: string, name: string, options: WorkerOptions): Worker {
  if (!from.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, from), options);
  const entry = new URL(`./${name}.ts`, from).href;
  const api = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Embedded test databases handed on from one test file to the next within a vitest worker, instead of
 * restoring the template into a new PGlite for every file. Restoring costs about 0.5-0.8 s of CPU (the
 * 40 MB tarball unpacked into PGlite's in-memory file system, then Postgres started), some ninety times a
 * run; emptying a used database costs milliseconds.
 *
 * A file gets a database only in the state of a fresh template: when it closes its database, every table
 * of the application is emptied and its sequences restarted (`EMPTY_TABLES`), then the database's
 * fingerprint (every schema object, row counts of every table, sequences, settings, roles, listeners,
 * advisory locks) is compared with that of a database just restored; any
 * difference (a test made a table, set a setting, left a transaction) and it is closed instead of kept.
 * A closed handle refuses every further call, so nothing a test leaves running reaches the next file's
 * data. Files run one at a time in a worker, so a database is only ever in one file's hands.
 */
import type { PGlite } from "@electric-sql/pglite";

/**
 * Empties every table of the application's schema and restarts its sequences, in one round trip. The
 * tables are read from the catalog, so ones added later are included. DELETE, not TRUNCATE: on tables
 * this small it is ten times faster on a real server, where TRUNCATE recreates and syncs every table's
 * files. A table still referenced by another is retried after the others.
 */
export const EMPTY_TABLES = `
  do $$
  declare
    pending text[];
    failed text[];
    target text;
  begin
    select coalesce(array_agg(format('%I.%I', schemaname, tablename)), '{}') into pending
      from pg_tables where schemaname = 'public';
    while cardinality(pending) > 0 loop
      failed := '{}';
      foreach target in array pending loop
        begin
          execute 'delete from ' || target;
        exception when foreign_key_violation then
          failed := failed || target;
        end;
      end loop;
      if cardinality(failed) = cardinality(pending) then
        raise exception 'cannot empty %: references go round in a circle', failed;
      end if;
      pending := failed;
    end loop;
    for target in select format('%I.%I', schemaname, sequencename) from pg_sequences where schemaname = 'public' loop
      execute 'alter sequence ' || target || ' restart';
    end loop;
  end $$`;

/**
 * One text that differs whenever anything a test could leave behind differs: the objects of every
 * schema that is not Postgres's own (temporary ones included), their columns, constraints, indexes,
 * triggers and functions, each table's row count, each sequence's position, every setting, the roles
 * and databases, LISTEN channels, advisory locks, prepared statements and cursors.
 */
const FINGERPRINT = `
  select concat_ws(E'\\n',
    (select string_agg(format('%s.%s %s', n.nspname, c.relname, c.relkind), ',' order by format('%s.%s %s', n.nspname, c.relname, c.relkind))
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')),
    (select string_agg(format('%s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type,
                              is_nullable, column_default), ',' order by format('%s.%s.%s %s %s %s', table_schema, table_name, column_name, data_type,
                              is_nullable, column_default))
       from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema')),
    (select string_agg(format('%s %s', conname, pg_get_constraintdef(oid)), ',' order by format('%s %s', conname, pg_get_constraintdef(oid)))
       from pg_constraint where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)),
    (select string_agg(indexdef, ',' order by indexdef) from pg_indexes
       where schemaname not in ('pg_catalog', 'information_schema')),
    (select string_agg(pg_get_triggerdef(oid), ',' order by pg_get_triggerdef(oid)) from pg_trigger where not tgisinternal),
    (select string_agg(format('%s %s', p.oid::regprocedure, md5(p.prosrc)), ',' order by format('%s %s', p.oid::regprocedure, md5(p.prosrc)))
       from pg_proc p where p.pronamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)),
    (select string_agg(format('%s.%s %s', schemaname, sequencename, last_value), ',' order by format('%s.%s %s', schemaname, sequencename, last_value)) from pg_sequences),
    (select string_agg(format('%s=%s', name, setting), ',' order by format('%s=%s', name, setting)) from pg_settings),
    (select string_agg(rolname, ',' order by rolname) from pg_roles),
    (select string_agg(datname, ',' order by datname) from pg_database),
    (select string_agg(c, ',' order by c) from pg_listening_channels() c),
    (select count(*)::text from pg_locks where locktype = 'advisory'),
    (select string_agg(extname, ',' order by extname) from pg_extension),
    (select string_agg(name, ',' order by name) from pg_prepared_statements),
    (select string_agg(name, ',' order by name) from pg_cursors)
  ) as fingerprint,
  (select array_agg(format('%I.%I', schemaname, tablename) order by schemaname, tablename) from pg_tables
     where schemaname not in ('pg_catalog', 'information_schema')) as tables`;

async function fingerprintOf(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string; tables: string[] }>(FINGERPRINT);
  const [row] = rows;
  if (!row?.fingerprint) throw new Error("the fingerprint query returned nothing");
  // Each table's row count, in a second statement built from the first's list of tables.
  const counts = row.tables.map(
    (table) => `select '${table.replaceAll("'", "''")} ' || count(*) as line from ${table}`,
  );
  const { rows: lines } = await client.query<{ line: string }>(counts.join(" union all "));
  return [row.fingerprint, ...lines.map(({ line }) => line)].join("\n");
}

/** Enough for the files that hold several at once; each idle one keeps its WebAssembly heap. */
const MAX_IDLE = 4;
const idle: PGlite[] = [];
/** How many databases this worker keeps to hand on (the pool's own test reads it). */
export const keptCount = () => idle.length;
/** The fingerprint of a database as restored, before any test touched it. */
let pristine: string | undefined;

/**
 * A database in the template's state: a kept one, or a new one from `restore`. The client returned
 * stands for it until closed; closing it gives the database back (emptied, and checked) or closes it.
 */
export async function leasePglite(restore: () => Promise<PGlite>): Promise<PGlite> {
  const kept = idle.pop();
  const client = kept ?? (await restore());
  // Emptying an empty database changes nothing but what it loads (PL/pgSQL and its settings), which a
  // database given back has loaded too.
  if (!kept && pristine === undefined) {
    await client.exec(EMPTY_TABLES);
    pristine = await fingerprintOf(client);
  }
  return lease(client);
}

async function giveBack(client: PGlite): Promise<void> {
  if (client.closed) return;
  try {
    // A transaction a test left open (or aborted) would hold whatever the next file did.
    if (client.isInTransaction()) throw new Error("a transaction was left open");
    await client.exec(EMPTY_TABLES);
    if (idle.length < MAX_IDLE && (await fingerprintOf(client)) === pristine) {
      idle.push(client);
      return;
    }
  } catch {
    // A database a test left unusable (an aborted transaction, a dropped table) is closed below.
  }
  await client.close().catch(() => {});
}

/** The client seen through a handle: its calls go through until `close`, which gives it back once. */
function lease(client: PGlite): PGlite {
  let closing: Promise<void> | undefined;
  const refuse = () => Promise.reject(new Error("this test database was closed"));
  return new Proxy(client, {
    get(target, property) {
      if (property === "close") return () => (closing ??= giveBack(target));
      if (property === "closed") return closing !== undefined || target.closed;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return closing ? refuse : value.bind(target);
    },
  });
}

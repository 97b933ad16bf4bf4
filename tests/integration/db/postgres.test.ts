import { createRepositories } from "../../../db/repositories/index.ts";
import { hasTestPostgres, openPostgresTestDatabase, truncateAll } from "../../support/test-database.ts";
import { repositoriesContract } from "./repositories.contract.ts";

repositoriesContract("Postgres (TEST_DATABASE_URL)", {
  skip: !hasTestPostgres,
  async open() {
    const database = await openPostgresTestDatabase();
    return {
      repositories: createRepositories(database.db),
      reset: () => truncateAll(database.db),
      close: () => database.close(),
    };
  },
});

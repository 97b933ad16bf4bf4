import { createRepositories } from "../../../db/repositories/index.ts";
import { openPgliteTestDatabase, truncateAll } from "../../support/test-database.ts";
import { repositoriesContract } from "./repositories.contract.ts";

repositoriesContract("PGlite", {
  async open() {
    const database = await openPgliteTestDatabase();
    return {
      repositories: createRepositories(database.db),
      reset: () => truncateAll(database.db),
      close: () => database.close(),
    };
  },
});

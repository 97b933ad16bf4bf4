import { createMemoryRepositories } from "../../fakes/memory-repositories.ts";
import { repositoriesContract } from "./repositories.contract.ts";

repositoriesContract("memory", {
  async open() {
    const repositories = createMemoryRepositories();
    return { repositories, reset: async () => repositories.reset(), close: async () => {} };
  },
});

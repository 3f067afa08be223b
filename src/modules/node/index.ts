import { defineModule } from "../feature-module";
import { NodeResolver } from "./node.resolver";

/** `node(id)` and `nodes(ids)`: any object by its global id, through the loaders of the module that owns it. */
export const nodeModule = defineModule({
  name: "node",
  resolvers: [NodeResolver],
  entities: [],
  services: () => ({}),
});

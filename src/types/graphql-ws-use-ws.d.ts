// graphql-ws publishes its ws adapter through package "exports" only, which this project's
// moduleResolution ("node") does not read; Node resolves it at run time, this points the compiler at its types.
declare module "graphql-ws/use/ws" {
  export { useServer, Extra } from "graphql-ws/dist/use/ws";
}

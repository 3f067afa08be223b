import { FieldNode, GraphQLResolveInfo } from "graphql";
import { PageLoader, PagedLoader } from "./paged-loader";
import { PageRequest } from "./page-request";

const byField = new WeakMap<PagedLoader<unknown>, WeakMap<FieldNode, PageLoader<unknown>>>();

/**
 * The page loader of `paged` (one request's) for the connection field that
 * `info` resolves, with the page request `request()` makes: made once per
 * field of the document, however many parents ask for it. A field's
 * arguments come from the document and the request's variables, and its
 * item fields from its selection, so every parent's request is the same;
 * made for each (twenty comments' replies), each built its request and
 * keys again. A request `request()` refuses throws for every parent.
 */
export function fieldPageLoader<T>(paged: PagedLoader<T>, info: GraphQLResolveInfo, request: () => PageRequest<T>): PageLoader<T> {
  let loaders = byField.get(paged as PagedLoader<unknown>) as WeakMap<FieldNode, PageLoader<T>> | undefined;
  if (!loaders) byField.set(paged as PagedLoader<unknown>, (loaders = new WeakMap()) as WeakMap<FieldNode, PageLoader<unknown>>);
  const field = info.fieldNodes[0];
  let loader = loaders.get(field);
  if (!loader) loaders.set(field, (loader = paged(request())));
  return loader;
}

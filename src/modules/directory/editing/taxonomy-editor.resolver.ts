import { Arg, Authorized, ClassType, Ctx, Mutation, Resolver } from "type-graphql";
import { DirectoryContext } from "../directory.services";
import { Role, signedIn } from "../../user";
import { TaxonomyEditor } from "./taxonomy-editor.service";
import { DeletePayload, Deletion } from "./taxonomy.inputs";
import { TaxonomyFields, TaxonomyRow } from "./taxonomy-kind";

interface TaxonomyEditorOptions<T extends TaxonomyRow> {
  type: "Author" | "Category" | "Tag";
  createInput: ClassType<TaxonomyFields & { name: string }>;
  updateInput: ClassType<TaxonomyFields & { id: string; version: number }>;
  deleteInput: ClassType<Deletion>;
  payload: ClassType<{ item: T }>;
  deleteDescription: string;
  editor(ctx: DirectoryContext): TaxonomyEditor<T>;
}

/** `create<Type>`, `update<Type>` and `delete<Type>`, for editors and admins. */
export function taxonomyEditorResolver<T extends TaxonomyRow>(options: TaxonomyEditorOptions<T>) {
  const { type, payload } = options;

  @Resolver()
  class TaxonomyEditorResolver {
    @Authorized(Role.EDITOR)
    @Mutation(() => payload, { name: `create${type}`, description: "Its slug is made from the name (or the slug given), unique." })
    async create(@Arg("input", () => options.createInput) input: TaxonomyFields & { name: string }, @Ctx() ctx: DirectoryContext): Promise<{ item: T }> {
      return { item: await options.editor(ctx).create(signedIn(ctx), input) };
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => payload, { name: `update${type}`, description: "Changes it at the version it was read at; a stale version is a CONFLICT." })
    async update(
      @Arg("input", () => options.updateInput) input: TaxonomyFields & { id: string; version: number },
      @Ctx() ctx: DirectoryContext,
    ): Promise<{ item: T }> {
      return { item: await options.editor(ctx).update(signedIn(ctx), input) };
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => DeletePayload, { name: `delete${type}`, description: options.deleteDescription })
    delete(@Arg("input", () => options.deleteInput) input: Deletion, @Ctx() ctx: DirectoryContext): Promise<DeletePayload> {
      return options.editor(ctx).delete(signedIn(ctx), input);
    }
  }
  return TaxonomyEditorResolver;
}

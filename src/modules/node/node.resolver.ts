import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { CommentContext } from "../comment";
import { BadUserInputError } from "../../shared/errors";
import { MAX_PAGE_SIZE } from "../../shared/pagination/page-request";
import { articlePolicy } from "../article";
import { userPolicy } from "../user";
import { GlobalId, tryDecodeGlobalId } from "../../shared/global-id";
import { Node } from "../../shared/node.type";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null when it does not exist or is not visible." })
  node(@Arg("id", () => ID) id: string, @Ctx() ctx: CommentContext): Promise<Node | null> {
    return loadNode(ctx, decodeNodeId(id, "id"));
  }

  @Query(() => [Node], { nullable: "items", description: "Several objects by global id, in the same order (at most 100)." })
  nodes(@Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: CommentContext): Promise<(Node | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`ids takes at most ${MAX_PAGE_SIZE} ids.`, { field: "ids", maximum: MAX_PAGE_SIZE });
    }
    const decoded = ids.map((id) => decodeNodeId(id, "ids"));
    return Promise.all(decoded.map((globalId) => loadNode(ctx, globalId)));
  }
}

function decodeNodeId(id: string, field: string): GlobalId {
  const decoded = tryDecodeGlobalId(id);
  if (!decoded) throw new BadUserInputError(`${field} is not a valid global id.`, { field });
  return decoded;
}

/**
 * The object, or null when it does not exist or the viewer may not see it:
 * a user only to themselves and to admins, a revision only to those who may
 * see its article's revisions (a reader's request for either costs no
 * query). Every type batches through its loader.
 */
async function loadNode(ctx: CommentContext, { type, id }: GlobalId): Promise<Node | null> {
  switch (type) {
    case "User": {
      const viewer = ctx.viewer;
      const user = viewer && (await ctx.loaders.userById.load(id));
      return viewer && user && userPolicy.canSee(viewer, user) ? user : null;
    }
    case "ArticleRevision": {
      const viewer = ctx.viewer;
      const revision = viewer && (await ctx.loaders.revisionById.load(id));
      return viewer && revision && articlePolicy.canRead(viewer, { authorId: revision.articleAuthorId! }) ? revision : null;
    }
    default: {
      const loaders = {
        Article: ctx.loaders.articleById,
        Author: ctx.loaders.authorById,
        Category: ctx.loaders.categoryById,
        Tag: ctx.loaders.tagById,
        Comment: ctx.loaders.commentById,
      } as const;
      return loaders[type].load(id);
    }
  }
}

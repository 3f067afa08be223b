import { AuthCheckerFn } from "type-graphql";
import { UserContext } from "./user.services";
import { ForbiddenError, UnauthenticatedError } from "../../shared/errors";
import { Role, hasRole } from "./role";
import { User } from "./user.entity";

/**
 * type-graphql's check behind `@Authorized(role)`: the viewer must be signed
 * in and hold `role` or a higher one. It throws our own errors so clients get
 * UNAUTHENTICATED or FORBIDDEN rather than a masked internal error.
 */
export const authChecker: AuthCheckerFn<UserContext, Role> = ({ context }, roles) => {
  const viewer = signedIn(context);
  if (roles.length > 0 && !roles.some((role) => hasRole(viewer.role, role))) {
    throw new ForbiddenError(`This needs the ${roles.join(" or ")} role.`);
  }
  return true;
};

/** The signed-in user, for services behind `@Authorized`. */
export function signedIn(context: UserContext): User {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

import { Role, hasRole } from "./role";
import { User } from "./user.entity";

/** Who may see an account (its email among it): the user themself and admins, never readers or other staff. */
export const userPolicy = {
  canSee(viewer: User, user: User): boolean {
    return viewer.id === user.id || hasRole(viewer.role, Role.ADMIN);
  },
};

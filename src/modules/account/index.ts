import { defineModule } from "../feature-module";
import { accountServices } from "./account.services";
import { UserAdminResolver } from "./user-admin.resolver";

/** What admins do to accounts: create, change roles and bylines, disable, reset passwords, delete; and `npm run user:create`. */
export const accountModule = defineModule({
  name: "account",
  resolvers: [UserAdminResolver],
  entities: [],
  services: accountServices,
});

export { AccountService } from "./account.service";
export type { AccountContext, AccountServices } from "./account.services";

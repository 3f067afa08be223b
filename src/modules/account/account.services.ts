import { ServiceDeps } from "../feature-module";
import { UserContext, UserServices } from "../user";
import { AccountService } from "./account.service";
import { UserAdminService } from "./user-admin.service";

export function accountServices({ dataSource }: ServiceDeps) {
  const accounts = new AccountService(dataSource);
  return { accounts, userAdmin: new UserAdminService(dataSource, accounts) };
}

export type AccountServices = ReturnType<typeof accountServices>;

export interface AccountContext extends UserContext {
  services: UserServices & AccountServices;
}

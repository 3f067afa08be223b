import { DEFAULT_THROTTLE, LoginThrottle } from "./login-throttle";
import { AuditService } from "./audit/audit.service";
import { AuthService } from "./auth.service";
import { TokenSigner } from "./token-signer";
import { User } from "./user.entity";
import { UserService } from "./user.service";
import { RequestContext } from "../../shared/request-context";
import { LoaderFactory } from "../../shared/pagination/paged-loader";
import { ServiceDeps } from "../feature-module";

export function userServices({ dataSource, auth }: ServiceDeps) {
  const signer = new TokenSigner(auth.secret);
  return {
    /** Signs sessions and preview links with `AUTH_SECRET`. */
    signer,
    users: new UserService(dataSource),
    audit: new AuditService(dataSource),
    auth: new AuthService(dataSource, signer, new LoginThrottle(dataSource, DEFAULT_THROTTLE), auth.sessionSeconds),
  };
}

export function userLoaders(services: UserServices, make: LoaderFactory) {
  return { userById: make.batch((ids: readonly number[]) => services.users.byIds(ids)) };
}

export type UserServices = ReturnType<typeof userServices>;
export type UserLoaders = ReturnType<typeof userLoaders>;

/** A request's context as this module and every module above it sees it. */
export interface UserContext extends RequestContext {
  /** The signed-in user of the request's bearer token; null for readers. */
  viewer: User | null;
  services: UserServices;
  loaders: UserLoaders;
}

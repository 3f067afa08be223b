import { defineModule } from "../feature-module";
import { AuditEvent } from "./audit/audit-event.entity";
import { AuditResolver } from "./audit/audit.resolver";
import { LoginFailure } from "./login-failure.entity";
import { User } from "./user.entity";
import { UserResolver } from "./user.resolver";
import { userLoaders, userServices } from "./user.services";

/** Accounts, roles and sign-in, and the audit trail of what signed-in users did. */
export const userModule = defineModule({
  name: "user",
  resolvers: [UserResolver, AuditResolver],
  entities: [User, LoginFailure, AuditEvent],
  services: userServices,
  loaders: userLoaders,
});

export { AuditEvent } from "./audit/audit-event.entity";
export { recordAudit } from "./audit/record-audit";
export { authChecker, signedIn } from "./auth-checker";
export { hashPassword } from "./password";
export { TokenSigner } from "./token-signer";
export type { SignedToken } from "./token-signer";
export { Role, hasRole, parseRole } from "./role";
export { userPolicy } from "./user-policy";
export { User } from "./user.entity";
export type { UserContext, UserLoaders, UserServices } from "./user.services";

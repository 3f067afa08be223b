import { DataSource } from "typeorm";
import { UnauthenticatedError } from "../../shared/errors";
import { inTransaction } from "../../database/transaction";
import { recordAudit } from "./audit/record-audit";
import { isStorableText, MAX_EMAIL_LENGTH } from "../../shared/input-text";
import { LoginThrottle } from "./login-throttle";
import { dummyHash, verifyPassword } from "./password";
import { TokenSigner } from "./token-signer";
import { User } from "./user.entity";

export const SESSION_AUDIENCE = "session";

const messages = {
  /** The same for an unknown email and a wrong password, so sign-in does not reveal who has an account. */
  badCredentials: "Wrong email or password.",
  /** Told only to someone who knows the password. */
  disabled: "This account is disabled; ask an admin.",
};

/** The claim of a sign-in token that must match the account's `sessionEpoch`. */
const EPOCH_CLAIM = "epoch";

export interface AuthPayload {
  token: string;
  user: User;
}

/** Sign-in and the bearer tokens that identify the viewer of a request. */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: TokenSigner,
    private readonly throttle: LoginThrottle,
    private readonly sessionSeconds: number,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const normalized = email.trim().toLowerCase();
    // No account has such an email, and the throttle could not record it: PostgreSQL refuses NUL (see
    // isStorableText) and text longer than the column.
    if (!isStorableText(normalized) || normalized.length > MAX_EMAIL_LENGTH) throw new UnauthenticatedError(messages.badCredentials);
    await this.throttle.assertAllowed(normalized);
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normalized });
    // An unknown email still pays for one hash, so timing does not tell the two failures apart.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !valid) {
      await this.throttle.recordFailure(normalized);
      throw new UnauthenticatedError(messages.badCredentials);
    }
    await this.throttle.clear(normalized);
    if (user.disabled) throw new UnauthenticatedError(messages.disabled);
    await inTransaction(this.dataSource, (manager) => recordAudit(manager, user.id, "login", "User", user.id));
    const { token } = await this.signer.sign(SESSION_AUDIENCE, String(user.id), this.sessionSeconds, { [EPOCH_CLAIM]: user.sessionEpoch });
    return { token, user };
  }

  /**
   * The user an `Authorization: Bearer` header names, read afresh so that a
   * deleted or disabled account, a reset password (a new session epoch) or a
   * changed role takes effect at once; null for no, malformed, expired or
   * ended tokens (the request then runs as a reader's).
   */
  async viewerOf(authorization: string | undefined): Promise<User | null> {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1];
    if (!token) return null;
    const claims = await this.signer.claimsOf(SESSION_AUDIENCE, token);
    const subject = claims?.sub;
    if (subject === undefined || !/^[1-9][0-9]{0,9}$/.test(subject)) return null;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: Number(subject) });
    // Tokens from before session epochs existed carry none: epoch 0, the column's default.
    const epoch = claims?.[EPOCH_CLAIM] ?? 0;
    return user && !user.disabled && user.sessionEpoch === epoch ? user : null;
  }
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** One failed sign-in; what `LoginThrottle` counts. */
@Entity("login_failure")
@Index(["email", "failedAt"])
export class LoginFailure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 320 })
  email: string;

  @Column({ name: "failed_at", type: Date })
  failedAt: Date;
}

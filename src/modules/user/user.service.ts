import { DataSource, In } from "typeorm";
import { inKeyOrder } from "../../shared/batch";
import { User } from "./user.entity";

/** Accounts as other objects show them (who wrote a revision, who did what). */
export class UserService {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly number[]): Promise<(User | null)[]> {
    return inKeyOrder(ids, await this.dataSource.getRepository(User).findBy({ id: In([...ids]) }), (user) => user.id);
  }
}

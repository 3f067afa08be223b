import { createHash } from "node:crypto";
import { DataSource } from "typeorm";

/**
 * A fingerprint of every row of every entity's table: equal before and after
 * a request means the request changed no stored data. Rows are sorted in
 * JavaScript so the digest does not depend on either store's row order.
 */
export async function dataDigest(dataSource: DataSource): Promise<string> {
  const hash = createHash("sha256");
  const tables = [...new Set(dataSource.entityMetadatas.map((entity) => entity.tableName))].sort();
  for (const table of tables) {
    const rows: unknown[] = await dataSource.query(`SELECT * FROM ${dataSource.driver.escape(table)}`);
    hash.update(
      `${table}\n${rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join("\n")}\n`,
    );
  }
  return hash.digest("hex");
}

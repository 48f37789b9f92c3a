import { type AuditChainCheck, readAuditChainUpTo, verifyAuditChain } from '../../db/audit-log-repository.ts'
import type { Db } from '../../db/database.ts'
import { type AuditHeadFile, isSignedBy, type SignedAuditHead } from './audit-head-file.ts'
import type { AuditKey } from './load-audit-key.ts'

export type AuditHeadFailure = 'signature_mismatch' | 'chain_broken' | 'rows_deleted' | 'chain_rewritten'

export type AuditHeadCheck = {
  companyId: number
  /** The chain as it is now, from GENESIS. */
  chain: AuditChainCheck
  /** Rows of the head, and rows now (newer rows are fine: the log grows). */
  rowsAtHead: number
  ok: boolean
  failure?: AuditHeadFailure
  message: string
}

/**
 * Compares the audit log with a head kept elsewhere: each head must carry this key's signature, the chain must
 * verify from GENESIS, and it must still hold the head's rows, ending at the head's row with the head's hash.
 * A cut (newest rows or all rows of a company deleted) or a rewritten chain verifies alone but fails here.
 */
export async function checkAuditHead(
  db: Db,
  key: AuditKey,
  file: AuditHeadFile,
  companyId?: number,
): Promise<AuditHeadCheck[]> {
  const checks: AuditHeadCheck[] = []
  for (const head of file.heads) {
    if (companyId !== undefined && head.companyId !== companyId) continue
    checks.push(await checkOne(db, key, file, head))
  }
  return checks
}

async function checkOne(
  db: Db,
  key: AuditKey,
  file: AuditHeadFile,
  head: SignedAuditHead,
): Promise<AuditHeadCheck> {
  const chain = await verifyAuditChain(db, head.companyId)
  const base = { companyId: head.companyId, chain, rowsAtHead: head.rows }
  const company = `公司 ${head.companyId} / company ${head.companyId}`
  if (!isSignedBy(key, head)) {
    const otherKey = file.keyId !== key.id ? `，头文件由另一把密钥（${file.keyId}）签名` : ''
    return {
      ...base,
      ok: false,
      failure: 'signature_mismatch',
      message: `${company}：审计头签名不符，头文件被改动或由另一把密钥签名${otherKey} / the head's signature does not match: the head was edited or signed with another key (head key ${file.keyId}, this key ${key.id} from ${key.source})`,
    }
  }
  if (!chain.ok)
    return {
      ...base,
      ok: false,
      failure: 'chain_broken',
      message: `${company}：哈希链在第 ${chain.brokenRowId} 行断开（${chain.reason}） / the chain is broken at row ${chain.brokenRowId} (${chain.reason})`,
    }
  if (head.lastId === null)
    return {
      ...base,
      ok: true,
      message: `${company}：审计头时无记录，现有 ${chain.rows} 行 / no rows at the head of ${head.at}, ${chain.rows} now`,
    }
  const now = await readAuditChainUpTo(db, head.companyId, head.lastId)
  if (now.lastHash === null || now.rows < head.rows)
    return {
      ...base,
      ok: false,
      failure: 'rows_deleted',
      message: `${company}：审计头之后有记录被删除，头记录第 ${head.lastId} 行${now.lastHash === null ? '已不存在' : '仍在'}，头时 ${head.rows} 行、现存 ${now.rows} 行 / rows were deleted after the head of ${head.at}: its newest row ${head.lastId} is ${now.lastHash === null ? 'gone' : 'there'}, ${now.rows} of its ${head.rows} rows remain`,
    }
  if (now.lastHash !== head.lastHash || now.rows !== head.rows)
    return {
      ...base,
      ok: false,
      failure: 'chain_rewritten',
      message: `${company}：哈希链被重写，第 ${head.lastId} 行的哈希与审计头不同 / the chain was rewritten: row ${head.lastId} no longer has the hash of the head of ${head.at}`,
    }
  return {
    ...base,
    ok: true,
    message: `${company}：与 ${head.at} 的审计头一致，${chain.rows} 行（头时 ${head.rows} 行） / matches the head of ${head.at}: ${chain.rows} rows (${head.rows} at the head)`,
  }
}

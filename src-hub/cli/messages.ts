/** The hub CLI's own words, in both languages (error messages come from shared/i18n/errors.ts). */
import type { ImportResult } from '../../shared/contract/methods/library.js';
import type { Lang } from '../../shared/i18n/errors.js';
import type { HubStats } from '../services/stats.js';

type Counts = ImportResult;

const zh = {
  help: `greendesk hub — 同步中心（总行）命令

用法：greendesk hub [子命令] (--data 目录 | --pg 连接串) [--json] [--lang zh-CN|en]

  hub --data 目录|--pg 连接串 [--port N] [--host 地址]
                                       运行同步中心（默认内嵌 SQLite，--pg 使用 PostgreSQL）；默认只监听 127.0.0.1
  hub publish 文件 --data …|--pg … [--skip-invalid]
                                       发布城市项目库快照（.json/.csv/.xlsx），校验与出库规则与本地导入相同
  hub publish-model 文件 --data …|--pg … [--bank 银行] [--activate]
                                       发布评分模型或贷后规则版本（可限定银行；--activate 设为各设备的当前模型）
  hub enroll --branch 网点 [--bank 银行] [--days N] --data …|--pg …
                                       生成一次性设备注册码（默认 7 天内有效）
  hub stats --data …|--pg …            统计：项目、设备、申请、检查
  hub import 文件 --data …|--pg …      导入设备的离线待发送数据文件（验签后按序号恰好应用一次）
  hub export --out 文件 --data …|--pg …
                                       把同步中心的项目库导出为快照文件（可供无网络的网点导入）`,
  serving: (url: string, where: string) => `同步中心已启动：${url}（数据库：${where}）\n按 Ctrl+C 停止。`,
  stopped: '已停止。',
  published: (r: Counts) =>
    `已发布项目库版本 ${r.version}：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，出库 ${r.withdrawn}，跳过不合格行 ${r.rejected.length}`,
  modelPublished: (id: string, kind: string, unchanged: boolean) => `${unchanged ? '模型已发布过（内容相同）' : '已发布模型'}：${id}（${kind === 'scoring' ? '评分模型' : '贷后规则'}）`,
  enrolled: (code: string, branch: string, bank: string, expiresAt: string) => `注册码：${code}\n网点：${bank} / ${branch}，有效期至 ${expiresAt}（只能使用一次）`,
  stats: (s: HubStats) =>
    `项目 ${s.projects}（项目库版本 ${s.libraryVersion}），设备 ${s.devices}，申请 ${s.applications}，贷款 ${s.loans}，检查 ${s.checks}；已应用 ${s.entries.applied} 条，退回 ${s.entries.rejected} 条`,
  imported: (n: number, applied: number, rejected: number, replays: number) => `已处理 ${n} 条记录：新应用 ${applied}，退回 ${rejected}，此前已应用 ${replays}`,
  exported: (out: string, n: number, v: number) => `已导出项目库版本 ${v} 的 ${n} 个项目到 ${out}`,
};

const en: typeof zh = {
  help: `greendesk hub — the hub (head office) commands

Usage: greendesk hub [sub-command] (--data DIR | --pg URL) [--json] [--lang zh-CN|en]

  hub --data DIR|--pg URL [--port N] [--host ADDRESS]
                                       run the hub (embedded SQLite by default, PostgreSQL with --pg); listens on 127.0.0.1 unless told
  hub publish FILE --data …|--pg … [--skip-invalid]
                                       publish a city library snapshot (.json/.csv/.xlsx) with the local import's validation and withdrawal rules
  hub publish-model FILE --data …|--pg … [--bank BANK] [--activate]
                                       publish a scoring model or post-loan rules version (optionally for one bank; --activate makes it current)
  hub enroll --branch NAME [--bank BANK] [--days N] --data …|--pg …
                                       make a one-time device enrolment code (valid 7 days by default)
  hub stats --data …|--pg …            counts: projects, devices, applications, checks
  hub import FILE --data …|--pg …      apply a device's offline outbox file (signature checked, each sequence number once)
  hub export --out FILE --data …|--pg …
                                       write the hub's library as a snapshot file (for branches with no connection)`,
  serving: (url, where) => `The hub is running: ${url} (database: ${where})\nPress Ctrl+C to stop.`,
  stopped: 'Stopped.',
  published: (r) =>
    `Published library version ${r.version}: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.withdrawn} withdrawn, ${r.rejected.length} invalid rows skipped`,
  modelPublished: (id, kind, unchanged) => `${unchanged ? 'Already published (same content)' : 'Published'}: ${id} (${kind})`,
  enrolled: (code, branch, bank, expiresAt) => `Enrolment code: ${code}\nBranch: ${bank} / ${branch}, valid until ${expiresAt} (single use)`,
  stats: (s) =>
    `${s.projects} projects (library version ${s.libraryVersion}), ${s.devices} devices, ${s.applications} applications, ${s.loans} loans, ${s.checks} checks; ${s.entries.applied} entries applied, ${s.entries.rejected} rejected`,
  imported: (n, applied, rejected, replays) => `${n} entries: ${applied} applied now, ${rejected} rejected, ${replays} applied before`,
  exported: (out, n, v) => `Exported ${n} projects of library version ${v} to ${out}`,
};

export type HubMessages = typeof zh;
export function hubMessages(lang: Lang): HubMessages {
  return lang === 'en' ? en : zh;
}

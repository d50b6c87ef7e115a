/** The CLI's own words, in both languages (error messages come from shared/i18n/errors.ts). */
import type { ImportResult } from '../../shared/contract/methods/library.js';
import type { Lang } from '../../shared/i18n/errors.js';

interface ScoreSummary {
  model: string;
  score: number;
  band: string;
  eligible: boolean;
  blocks: string[];
  caps: string[];
  factors: { code: string; points: number; max: number; detail: string }[];
  pricing: { lprBps: number; finalRateBps: number; floorApplied: boolean } | null;
  creditLineFactor: number;
}

interface CheckSummary {
  model: string;
  verdict: string;
  flags: { code: string; severity: string; message: string }[];
  actions: string[];
  nextCheckDue: string;
}

const VERDICT_ZH: Record<string, string> = { suspected_misuse: '疑似违规挪用', needs_rectification: '需要整改', compliant: '合规' };
const SEVERITY_ZH: Record<string, string> = { high: '高', medium: '中', low: '低' };

const pct = (bps: number) => `${(bps / 100).toFixed(2)}%`;

interface ModelLine {
  id: string;
  kind: 'scoring' | 'postloan';
  name: string;
  active: boolean;
  builtIn: boolean;
}

interface SyncSummary {
  ok: boolean;
  device: { bank: string; branch: string; deviceId: string } | null;
  library: { outcome: string; to: number; received: number; mode: string | null } | null;
  models: { received: number } | null;
  push: { applied: number; rejected: number; replays: number; pending: number } | null;
  error: { message: string } | null;
}

type ImportCounts = ImportResult;

const zh = {
  help: `greendesk — 绿色金融工作台命令行

用法：greendesk <命令> [参数] [--json] [--lang zh-CN|en]

命令：
  init --db 文件                       创建空数据库（已存在则升级到最新结构）
  demo --db 文件 [--projects N]        创建演示数据库：江门七个区县、九类绿色产业、三个项目库（默认 2000 个项目）
  serve --db 文件 [--port N]           浏览器模式：在 127.0.0.1 上提供应用界面，并打印带访问令牌的网址
  score 文件 --db 文件 [--save]        按本地项目库为企业评分定价（--save 保存为草稿申请，记为系统用户）
  check 文件 --db 文件 [--save]        贷后资金用途检查：按规则给出风险提示、结论和下次检查日期（--save 记录检查）
  library import 文件 --db 文件 [--skip-invalid]
                                       导入项目库快照（.json/.csv/.xlsx）；不加 --skip-invalid 时有任何不合格行则不做任何修改
  library search 文本 --db 文件 [--library 库] [--district 区县] [--category 分类] [--status 状态] [--industry 行业代码前缀] [--limit N]
                                       检索项目库（项目名称、项目单位、项目编号、统一社会信用代码的任意片段），最佳匹配在前
  export library --db 文件 --out 文件.xlsx|.csv [--q 文本] [与 library search 相同的筛选]
                                       按导入格式导出项目库（公式开头的单元格已做防注入处理）
  sync --db 文件 --hub 网址 [--enroll 注册码]
                                       与同步中心同步一轮：先下载项目库和模型，再上传待发送的申请、贷款和检查
  sync export --db 文件 --out 文件     把待发送记录导出为已签名的离线文件（总行用 greendesk hub import 导入）
  model list|add 文件 [--activate]|activate 编号 --db 文件
                                       本机的评分模型和贷后规则版本：查看、添加、设为当前使用
  hub …                                同步中心（总行）命令，见 greendesk hub --help

通用选项：
  --json        标准输出只输出一个 JSON 文档
  --lang        提示语言：zh-CN（默认）或 en
  --help, -h    显示帮助
  --version     显示版本

退出码：0 成功；2 输入或参数不合法（标准错误输出 {"error":{"code","message","path"}}）；1 其他失败。`,
  initDone: (file: string, created: boolean, v: number) => `${created ? '已创建' : '已升级'}数据库 ${file}（结构版本 ${v}）`,
  demoDone: (file: string, n: number, v: number) => `已创建演示数据库 ${file}：${n} 个项目，项目库版本 ${v}`,
  serving: (url: string) => `GreenDesk 浏览器模式已启动，请在浏览器中打开：\n  ${url}\n按 Ctrl+C 停止。`,
  stopped: '已停止。',
  scoreDone: (r: ScoreSummary, saved: string | null) =>
    [
      `模型 ${r.model}：得分 ${r.score}，评级 ${r.band}，${r.eligible ? '符合绿色贷款条件' : '不符合绿色贷款条件'}`,
      ...r.factors.map((f) => `  ${f.code}  ${f.points}/${f.max}  ${f.detail}`),
      ...(r.blocks.length ? [`  否决：${r.blocks.join('、')}`] : []),
      ...(r.caps.length ? [`  封顶：${r.caps.join('、')}`] : []),
      r.pricing
        ? `定价：LPR ${pct(r.pricing.lprBps)}，执行利率 ${pct(r.pricing.finalRateBps)}${r.pricing.floorApplied ? '（触及下限）' : ''}；授信系数 ${r.creditLineFactor}`
        : '无绿色定价',
      ...(saved ? [`已保存为草稿申请 ${saved}`] : []),
    ].join('\n'),
  checkDone: (r: CheckSummary, saved: number | null) =>
    [
      `规则 ${r.model}：结论 ${VERDICT_ZH[r.verdict] ?? r.verdict}，${r.flags.length} 个风险提示；下次检查不晚于 ${r.nextCheckDue}`,
      ...r.flags.map((f) => `  [${SEVERITY_ZH[f.severity] ?? f.severity}] ${f.code}  ${f.message}`),
      ...(r.actions.length ? [`建议措施：${r.actions.join('、')}`] : []),
      ...(saved !== null ? [`已记录检查 #${saved}`] : []),
    ].join('\n'),
  importDone: (r: ImportCounts) =>
    `已导入项目库版本 ${r.version}：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，出库 ${r.withdrawn}，跳过不合格行 ${r.rejected.length}`,
  searchDone: (total: number, shown: number) => (total === 0 ? '未找到项目' : `找到 ${total} 个项目${shown < total ? `，显示前 ${shown} 个` : ''}`),
  exportDone: (out: string, rows: number) => `已导出 ${rows} 个项目到 ${out}`,
  syncDone: (r: SyncSummary) =>
    [
      r.device ? `同步中心：${r.device.bank} / ${r.device.branch}（设备 ${r.device.deviceId}）` : '未连接同步中心',
      r.library
        ? r.library.outcome === 'applied'
          ? `项目库：已更新到版本 ${r.library.to}（${r.library.mode === 'replace' ? '完整下载' : '增量'} ${r.library.received} 个项目）`
          : `项目库：${r.library.outcome === 'empty' ? '同步中心尚无项目库' : `已是最新（版本 ${r.library.to}）`}`
        : null,
      r.models ? `模型：收到 ${r.models.received} 个` : null,
      r.push ? `上传：新应用 ${r.push.applied}，退回 ${r.push.rejected}，此前已到达 ${r.push.replays}，仍待发送 ${r.push.pending}` : null,
      r.ok ? '同步完成' : `同步未完成：${r.error?.message ?? ''}`,
    ].filter((l): l is string => l !== null).join('\n'),
  syncExported: (out: string, n: number) => `已把 ${n} 条待发送记录写入 ${out}（已签名；在总行用 greendesk hub import 导入）`,
  modelList: (items: ModelLine[]) =>
    items.map((m) => `${m.active ? '*' : ' '} ${m.kind === 'scoring' ? '评分模型' : '贷后规则'}  ${m.id}  ${m.name}${m.builtIn ? '（内置）' : ''}`).join('\n') + '\n（* 为当前使用的版本）',
  modelAdded: (r: { id: string; kind: string; added: boolean; active: boolean }) =>
    `${r.added ? '已添加' : '已存在（内容相同）'}${r.kind === 'scoring' ? '评分模型' : '贷后规则'} ${r.id}${r.active ? '，并设为当前使用' : ''}`,
  modelActivated: (id: string) => `已将 ${id} 设为当前使用的版本（已保存的评分和检查仍保留原来的模型）`,
};

const en: typeof zh = {
  help: `greendesk — GreenDesk green-finance workbench CLI

Usage: greendesk <command> [options] [--json] [--lang zh-CN|en]

Commands:
  init --db FILE                       create an empty database (an existing one is migrated)
  demo --db FILE [--projects N]        create a demo database: Jiangmen's seven districts, nine green categories, three libraries (2,000 projects by default)
  serve --db FILE [--port N]           browser mode: serve the app on 127.0.0.1 and print its URL with the access token
  score FILE --db FILE [--save]        score an applicant against the local library (--save: keep it as a draft, as the system user)
  check FILE --db FILE [--save]        post-loan fund-usage check: flags, verdict, next due date (--save: record the check)
  library import FILE --db FILE [--skip-invalid]
                                       import a library snapshot (.json/.csv/.xlsx); without --skip-invalid any bad row changes nothing
  library search TEXT --db FILE [--library L] [--district D] [--category C] [--status S] [--industry PREFIX] [--limit N]
                                       search the library (any part of a name, owner, ID or credit code), best match first
  export library --db FILE --out FILE.xlsx|.csv [--q TEXT] [the filters of library search]
                                       export the library in the import format (formula-like cells neutralised)
  sync --db FILE --hub URL [--enroll CODE]
                                       one round with the hub: pull the library and models, then push applications, loans and checks
  sync export --db FILE --out FILE     write the pending entries as a signed offline file (for greendesk hub import)
  model list|add FILE [--activate]|activate ID --db FILE
                                       this database's scoring models and post-loan rules: list, add, choose the one in use
  hub …                                the hub (head office) commands: see greendesk hub --help

Options:
  --json        print exactly one JSON document on stdout
  --lang        message language: zh-CN (default) or en
  --help, -h    show this help
  --version     show the version

Exit codes: 0 success; 2 invalid input or arguments ({"error":{"code","message","path"}} on stderr); 1 other failures.`,
  initDone: (file, created, v) => `${created ? 'Created' : 'Migrated'} database ${file} (schema version ${v})`,
  demoDone: (file, n, v) => `Created demo database ${file}: ${n} projects, library version ${v}`,
  serving: (url) => `GreenDesk browser mode is running; open in your browser:\n  ${url}\nPress Ctrl+C to stop.`,
  stopped: 'Stopped.',
  scoreDone: (r, saved) =>
    [
      `Model ${r.model}: score ${r.score}, band ${r.band}, ${r.eligible ? 'eligible' : 'not eligible'}`,
      ...r.factors.map((f) => `  ${f.code}  ${f.points}/${f.max}  ${f.detail}`),
      ...(r.blocks.length ? [`  blocks: ${r.blocks.join(', ')}`] : []),
      ...(r.caps.length ? [`  caps: ${r.caps.join(', ')}`] : []),
      r.pricing
        ? `Price: LPR ${pct(r.pricing.lprBps)}, final rate ${pct(r.pricing.finalRateBps)}${r.pricing.floorApplied ? ' (floor)' : ''}; credit-line factor ${r.creditLineFactor}`
        : 'No green price',
      ...(saved ? [`Saved as draft application ${saved}`] : []),
    ].join('\n'),
  checkDone: (r, saved) =>
    [
      `Rules ${r.model}: verdict ${r.verdict}, ${r.flags.length} flags; next check by ${r.nextCheckDue}`,
      ...r.flags.map((f) => `  [${f.severity}] ${f.code}  ${f.message}`),
      ...(r.actions.length ? [`Recommended: ${r.actions.join(', ')}`] : []),
      ...(saved !== null ? [`Check #${saved} recorded`] : []),
    ].join('\n'),
  importDone: (r) =>
    `Imported library version ${r.version}: ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.withdrawn} withdrawn, ${r.rejected.length} invalid rows skipped`,
  searchDone: (total, shown) => (total === 0 ? 'No projects found' : `${total} projects found${shown < total ? `, showing the first ${shown}` : ''}`),
  exportDone: (out, rows) => `Exported ${rows} projects to ${out}`,
  syncDone: (r) =>
    [
      r.device ? `Hub: ${r.device.bank} / ${r.device.branch} (device ${r.device.deviceId})` : 'Not connected to a hub',
      r.library
        ? r.library.outcome === 'applied'
          ? `Library: now version ${r.library.to} (${r.library.mode === 'replace' ? 'whole download' : 'delta'}, ${r.library.received} projects)`
          : `Library: ${r.library.outcome === 'empty' ? 'the hub has none yet' : `current (version ${r.library.to})`}`
        : null,
      r.models ? `Models: ${r.models.received} received` : null,
      r.push ? `Push: ${r.push.applied} applied, ${r.push.rejected} rejected, ${r.push.replays} already there, ${r.push.pending} still pending` : null,
      r.ok ? 'Sync complete' : `Sync incomplete: ${r.error?.message ?? ''}`,
    ].filter((l): l is string => l !== null).join('\n'),
  syncExported: (out, n) => `Wrote ${n} pending entries to ${out} (signed; apply at head office with greendesk hub import)`,
  modelList: (items) => items.map((m) => `${m.active ? '*' : ' '} ${m.kind}  ${m.id}  ${m.name}${m.builtIn ? ' (built in)' : ''}`).join('\n') + '\n(* the version in use)',
  modelAdded: (r) => `${r.added ? 'Added' : 'Already there (same content)'} ${r.kind} ${r.id}${r.active ? ', now in use' : ''}`,
  modelActivated: (id) => `${id} is now the version in use (saved scores and checks keep their own model)`,
};

export type CliMessages = typeof zh;
export function cliMessages(lang: Lang): CliMessages {
  return lang === 'en' ? en : zh;
}

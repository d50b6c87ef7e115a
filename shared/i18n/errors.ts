/** Error messages by stable code, in both languages. One catalog for every transport and the CLI. */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

type Catalog = Record<string, [zh: string, en: string]>;

const MESSAGES: Catalog = {
  INTERNAL: ['内部错误，请重试或联系管理员', 'Internal error; retry or contact the administrator'],
  VALIDATION: ['输入不合法：{detail}', 'Invalid input: {detail}'],
  UNKNOWN_METHOD: ['未知的接口方法：{method}', 'Unknown API method: {method}'],
  UNAUTHORIZED: ['未授权：缺少或错误的访问令牌', 'Unauthorized: missing or wrong access token'],
  TRANSPORT: ['无法连接到应用服务', 'Cannot reach the app service'],
  FORBIDDEN_SENDER: ['拒绝访问：请求不是来自本应用的页面', 'Forbidden: the request does not come from the app page'],
  METHOD_NOT_ALLOWED: ['不支持的请求方法', 'Method not allowed'],
  LIBRARY_NOT_EMPTY: [
    '该数据库已有项目库（版本 {version}），不能再写入演示数据',
    'This database already has a library (version {version}); demo data not written',
  ],
  FORBIDDEN_HOST: ['拒绝访问：主机或来源不被允许', 'Forbidden: host or origin not allowed'],
  NOT_FOUND: ['未找到：{what}', 'Not found: {what}'],
  BODY_TOO_LARGE: ['请求体过大', 'Request body too large'],
  BAD_JSON: ['请求体不是合法的 JSON', 'Request body is not valid JSON'],
  USAGE: ['命令用法错误：{detail}（使用 --help 查看帮助）', 'Usage error: {detail} (see --help)'],
  UNKNOWN_COMMAND: ['未知命令：{command}（使用 --help 查看可用命令）', 'Unknown command: {command} (see --help)'],
  UNKNOWN_OPTION: ['未知选项：{option}（使用 --help 查看帮助）', 'Unknown option: {option} (see --help)'],
  MISSING_ARGUMENT: ['缺少参数：{name}', 'Missing argument: {name}'],
  BAD_ARGUMENT: ['参数不合法：{name} = {value}', 'Invalid argument: {name} = {value}'],
  DB_OPEN_FAILED: ['无法打开数据库：{file}', 'Cannot open the database: {file}'],
  DB_NEWER_SCHEMA: [
    '数据库版本（{found}）高于本程序支持的版本（{supported}），请升级 GreenDesk',
    'The database schema ({found}) is newer than this program supports ({supported}); upgrade GreenDesk',
  ],
  DB_NOT_FOUND: ['数据库文件不存在：{file}', 'Database file does not exist: {file}'],
  DB_EXISTS: ['数据库文件已存在：{file}', 'Database file already exists: {file}'],
  RENDERER_NOT_BUILT: [
    '界面尚未构建：请先运行 npm run build',
    'The renderer is not built: run npm run build first',
  ],
  PORT_IN_USE: ['端口已被占用：{port}', 'Port already in use: {port}'],
  SNAPSHOT_OLDER: [
    '导入的项目库版本（{found}）早于本地版本（{local}），已拒绝',
    'The snapshot version ({found}) is older than the local library ({local}); refused',
  ],
  USCC_LENGTH: ['统一社会信用代码应为 18 位', 'A unified social credit code has 18 characters'],
  USCC_CHARSET: ['统一社会信用代码含非法字符', 'The unified social credit code has invalid characters'],
  USCC_CHECK_DIGIT: ['统一社会信用代码校验位错误', 'The unified social credit code check digit is wrong'],
};

export function errorMessage(code: string, lang: Lang, params: Record<string, string | number>): string {
  const entry = MESSAGES[code] ?? MESSAGES.INTERNAL!;
  const template = lang === 'en' ? entry[1] : entry[0];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

export function hasErrorMessage(code: string): boolean {
  return code in MESSAGES;
}

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' || value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

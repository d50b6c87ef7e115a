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
  FILE_TOO_LARGE: ['文件过大（上限 {max} MB）', 'The file is too large (limit {max} MB)'],
  STAGING_STATE: ['上传的文件状态不对，请重新选择文件', 'The uploaded file is not in the right state; pick the file again'],
  STAGING_OFFSET: ['上传数据顺序错误（应从 {expected} 字节处继续，收到 {got}）', 'Upload out of order (expected offset {expected}, got {got})'],
  STAGING_OVERFLOW: ['上传数据超过声明的文件大小（{size} 字节）', 'Upload exceeds the declared size ({size} bytes)'],
  STAGING_INCOMPLETE: ['文件未上传完整（应为 {expected} 字节，收到 {got}）', 'The upload is incomplete (expected {expected} bytes, got {got})'],
  DUPLICATE_ID: ['项目编号重复：{value}', 'Duplicate project ID: {value}'],
  USCC_LENGTH: ['{field}应为 18 位：{value}', '{field} must have 18 characters: {value}'],
  USCC_CHARSET: ['{field}含非法字符：{value}', '{field} has invalid characters: {value}'],
  USCC_CHECK_DIGIT: ['{field}校验位错误：{value}', '{field} has a wrong check digit: {value}'],
  MODEL_INVALID: ['模型文件不合法：{detail}', 'Invalid model document: {detail}'],
  LOGIN_REQUIRED: ['请先登录', 'Please sign in first'],
  ROLE_NOT_ALLOWED: ['当前角色无权执行此操作', 'Your role may not do this'],
  INVALID_CREDENTIALS: ['用户名或密码错误', 'Wrong user name or password'],
  ACCOUNT_LOCKED: ['连续多次密码错误，账户已锁定 5 分钟', 'Too many wrong passwords: the account is locked for 5 minutes'],
  ACCOUNT_DISABLED: ['该账户已停用', 'This account is disabled'],
  SETUP_DONE: ['系统已有账户，不能再初始化管理员', 'Accounts already exist; the first administrator cannot be set up again'],
  BAD_USERNAME: ['用户名须以字母开头，2–32 位字母、数字、点、下划线或连字符：{value}', 'A user name starts with a letter and has 2–32 letters, digits, ., _ or -: {value}'],
  USERNAME_TAKEN: ['用户名已存在：{value}', 'User name already taken: {value}'],
  PASSWORD_TOO_SHORT: ['密码至少 8 位', 'A password has at least 8 characters'],
  PASSWORD_TOO_LONG: ['密码过长', 'The password is too long'],
  ILLEGAL_TRANSITION: ['当前状态（{status}）不能执行“{action}”', 'An application in status {status} cannot be {action}'],
  MAKER_CHECKER: ['不能审批自己经办的申请（经办与审批须分离）', 'You cannot decide an application you made (maker-checker)'],
  REASON_REQUIRED: ['请填写理由', 'A reason is required'],
  NOT_ELIGIBLE: ['最新评分结果不符合绿色贷款条件，不能批准', 'The latest score is not eligible; the application cannot be approved'],
  NOT_SCORED: ['申请尚未评分，请先评分再提交', 'The application has no score yet; score it before submitting'],
  NOT_EDITABLE: ['只有草稿状态的申请可以修改或重新评分', 'Only a draft can be edited or rescored'],
  NOT_OWNER: ['只能修改自己经办的申请', 'You can only edit applications you made'],
  ATTACHMENT_BAD_NAME: ['附件文件名不合法（不能包含目录或“..”）：{value}', 'Invalid attachment name (no folders or ".."): {value}'],
  ATTACHMENT_TYPE: ['不支持的附件类型（{ext}）：请使用 PDF、JPG、PNG、OFD 或 XLSX', 'Unsupported attachment type ({ext}): use PDF, JPG, PNG, OFD or XLSX'],
  ATTACHMENT_CONTENT: ['附件内容与扩展名（{ext}）不符', 'The attachment’s content does not match its extension ({ext})'],
  ATTACHMENT_TAMPERED: ['附件文件已被改动（校验值不符）', 'The attachment file was altered (hash mismatch)'],
  LOAN_EXISTS: ['该申请已登记贷款：{value}', 'A loan is already registered for this application: {value}'],
  LOAN_CLOSED: ['贷款已结清，不能再放款', 'The loan is closed; no further disbursement'],
  DISBURSEMENT_SUSPENDED: ['该贷款已被暂停放款', 'Disbursement of this loan is suspended'],
  DISBURSED_OVER_AMOUNT: ['累计放款金额不能超过贷款金额', 'Total disbursements cannot exceed the loan amount'],
  DUPLICATE_PAYMENT_ID: ['支付编号重复', 'Duplicate payment id'],
  // Import of library files: the file as a whole
  FILE_NOT_FOUND: ['文件不存在：{file}', 'File not found: {file}'],
  FILE_EMPTY: ['文件是空的', 'The file is empty'],
  UNSUPPORTED_FILE_TYPE: ['不支持的文件类型（{ext}）：请使用 .json、.csv 或 .xlsx', 'Unsupported file type ({ext}): use .json, .csv or .xlsx'],
  NOT_JSON: ['文件不是合法的 JSON：{detail}', 'The file is not valid JSON: {detail}'],
  FILE_TRUNCATED: ['文件不完整（在结尾处被截断）', 'The file is incomplete (cut off at the end)'],
  JSON_TOO_DEEP: ['JSON 嵌套层数过多（上限 {max} 层）', 'JSON nested too deeply (limit {max} levels)'],
  BAD_FORMAT: ['不是项目库快照文件（format 为“{found}”，应为 greendesk.library.v1）', 'Not a library snapshot (format is "{found}", expected greendesk.library.v1)'],
  BAD_VERSION: ['版本号不合法：{value}', 'Invalid version: {value}'],
  BAD_ENCODING: ['文件编码无法识别（按 {encoding} 解码失败）', 'Unrecognised encoding (decoding as {encoding} failed)'],
  CSV_BAD_QUOTE: ['第 {line} 行的引号没有闭合', 'Unclosed quote starting on line {line}'],
  MISSING_HEADER: ['找不到表头行（应包含“项目编号”等列）', 'No header row found (it must contain 项目编号 and the other columns)'],
  MISSING_COLUMN: ['缺少列：{column}', 'Missing column: {column}'],
  DUPLICATE_COLUMN: ['列重复：{column}', 'Duplicate column: {column}'],
  XLSX_BROKEN: ['无法读取该 Excel 文件（文件损坏或不是 .xlsx 格式）', 'Cannot read this Excel file (damaged or not .xlsx)'],
  XLSX_TOO_LARGE: ['Excel 文件超过 {max} MB，请改用 CSV 格式导入', 'The Excel file exceeds {max} MB; import it as CSV instead'],
  INVALID_ROWS: ['有 {count} 行数据不合格，未导入任何数据（可使用“跳过不合格行”）', '{count} rows are invalid; nothing was imported (use --skip-invalid to import the rest)'],
  // Import of library files: one row
  MISSING_FIELD: ['缺少{field}', 'Missing {field}'],
  BAD_VALUE: ['{field}的值不合法：{value}', 'Invalid {field}: {value}'],
  TOO_LONG: ['{field}过长（{value}）', '{field} is too long ({value})'],
  BAD_ID: ['项目编号只能包含字母、数字、连字符和下划线：{value}', 'A project ID may only hold letters, digits, - and _: {value}'],
  UNKNOWN_LIBRARY: ['未知的项目库：{value}', 'Unknown library: {value}'],
  UNKNOWN_DISTRICT: ['未知的区域（应为江门七个市区之一）：{value}', 'Unknown district (must be one of Jiangmen\'s seven): {value}'],
  UNKNOWN_CATEGORY: ['未知的绿色分类：{value}', 'Unknown green category: {value}'],
  UNKNOWN_STATUS: ['未知的状态：{value}', 'Unknown status: {value}'],
  BAD_INDUSTRY_CODE: ['行业代码不合法（GB/T 4754-2017，如 C3071）：{value}', 'Invalid industry code (GB/T 4754-2017, e.g. C3071): {value}'],
  UNKNOWN_INDUSTRY_CODE: ['行业代码不存在（GB/T 4754-2017 中没有该大类）：{value}', 'Unknown industry code (no such division in GB/T 4754-2017): {value}'],
  BAD_MONEY: ['{field}不是合法金额（非负、最多两位小数的元或六位小数的万元）：{value}', '{field} is not a valid amount: {value}'],
  BAD_NUMBER: ['{field}不是合法的非负数：{value}', '{field} is not a valid non-negative number: {value}'],
  BAD_DATE: ['{field}不是合法日期（YYYY-MM-DD）：{value}', '{field} is not a valid date (YYYY-MM-DD): {value}'],
  ROW_NOT_OBJECT: ['该行不是一个项目对象', 'This entry is not a project object'],
};

export function errorMessage(code: string, lang: Lang, params: Record<string, string | number>): string {
  const entry = MESSAGES[code] ?? MESSAGES.INTERNAL!;
  const template = lang === 'en' ? entry[1] : entry[0];
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
  // A value left empty must not leave a dangling "：" or ": " behind.
  return text.replace(/(：|: )$/, '');
}

export function hasErrorMessage(code: string): boolean {
  return code in MESSAGES;
}

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' || value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

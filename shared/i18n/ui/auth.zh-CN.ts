/** UI text of signing in, the first administrator, the idle lock and the user menu (Chinese). Merged as `signin`. */
export const authZhCN = {
  title: '登录',
  tagline: '江门 · 绿色信贷评分、差别化定价与贷后管理',
  footer: '所有评分、审批与放款操作均记录经办人和时间，留痕可查',
  username: '用户名',
  usernamePlaceholder: '请输入用户名',
  password: '密码',
  passwordPlaceholder: '请输入密码',
  submit: '登录',
  checking: '正在检查登录状态…',
  statusError: '无法连接到应用服务',
  required: {
    username: '请输入用户名',
    password: '请输入密码',
  },
  notice: {
    expired: '登录已失效（长时间未操作或会话已结束），请重新登录。',
    signedOut: '您已安全退出。',
  },
  demo: {
    title: '演示数据库',
    body: '可使用以下演示账户登录（点击填入用户名），密码均为 {{password}}：',
  },
  roles: {
    loan_officer: '客户经理',
    approver: '审批人',
    compliance: '合规/贷后',
    admin: '管理员',
    system: '系统',
  },
  setup: {
    title: '创建首个管理员',
    body: '这是一个新的数据库，尚无任何账户。请先创建系统管理员账户，之后再为客户经理、审批人和合规人员开户。',
    displayName: '姓名',
    displayNamePlaceholder: '例如：系统管理员',
    passwordHint: '至少 8 位；请妥善保管',
    confirm: '确认密码',
    mismatch: '两次输入的密码不一致',
    tooShort: '密码至少 8 位',
    submit: '创建并登录',
  },
  menu: {
    label: '当前用户：{{name}}',
    lock: '锁定屏幕',
    signOut: '退出登录',
  },
  lock: {
    title: '屏幕已锁定',
    body: '{{name}}，您已超过 {{minutes}} 分钟未操作，为保护客户信息，屏幕已锁定。输入密码即可继续，未保存的表单内容仍然保留。',
    placeholder: '{{user}} 的登录密码',
    submit: '解锁',
    switchUser: '退出并切换用户',
  },
};

export type AuthCatalog = typeof authZhCN;

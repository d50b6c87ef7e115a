/** The header's signed-in user: name and role, with lock-screen and sign-out in a menu. */
import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/client.js';
import { useAuthStore } from '../stores/auth.js';

export function UserMenu() {
  const { t } = useTranslation();
  const client = useApi();
  const user = useAuthStore((s) => s.user);
  const lock = useAuthStore((s) => s.lock);
  const logout = useAuthStore((s) => s.logout);
  if (!user) return null;
  // "张伟（客户经理）" → "张伟": the role is shown as a tag already.
  const name = user.displayName.replace(/（[^）]*）$/, '') || user.username;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'lock', icon: <LockOutlined />, label: t('signin.menu.lock') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('signin.menu.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'lock') lock();
          if (key === 'signOut') void logout(client);
        },
      }}
    >
      <button type="button" className="gd-user" aria-label={t('signin.menu.label', { name })} data-testid="user-menu">
        <Avatar size={26} icon={<UserOutlined />} className="gd-user-avatar" />
        <span className="gd-user-name">{name}</span>
        <Tag className="gd-user-role" color="green" variant="filled">
          {t(`signin.roles.${user.role}`)}
        </Tag>
        <DownOutlined className="gd-user-caret" aria-hidden />
      </button>
    </Dropdown>
  );
}

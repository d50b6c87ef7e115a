/** The antd theme: a calm green on a light grey-green ground, dense tables, system Chinese fonts. */
import type { ThemeConfig } from 'antd';

export const FONT_STACK =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", ' +
  '"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

export const BRAND_GREEN = '#2f7d4f';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_GREEN,
    colorLink: '#2a6f8f',
    colorBgLayout: '#f2f5f3',
    colorBorderSecondary: '#e6ebe8',
    borderRadius: 4,
    fontSize: 13,
    fontFamily: FONT_STACK,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 52,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      footerBg: '#ffffff',
      footerPadding: '0 16px',
    },
    Menu: {
      itemBg: '#ffffff',
      itemSelectedBg: '#e7f2eb',
      itemSelectedColor: BRAND_GREEN,
      itemHeight: 40,
      itemMarginInline: 8,
    },
    Table: {
      headerBg: '#f5f8f6',
      headerColor: '#3d4a43',
      rowHoverBg: '#f0f7f2',
      cellPaddingBlockSM: 6,
    },
    Drawer: { paddingLG: 20 },
  },
};

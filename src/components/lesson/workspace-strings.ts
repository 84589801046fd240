import type { CourseLocale } from '../../course/locales.ts';

/** The words of a hands-on part's workspace (focus mode, the divider between its panes), per page language. */
export const workspaceStrings = {
	ko: {
		focus: '넓게 보기',
		leaveFocus: '원래대로 (Esc)',
		divider: '설명과 작업 공간 사이의 경계 (좌우 화살표로 이동)',
	},
	en: {
		focus: 'Focus mode',
		leaveFocus: 'Leave focus mode (Esc)',
		divider: 'Divider between the steps and the workspace (left and right arrows move it)',
	},
} satisfies Record<CourseLocale, Record<string, string>>;

/**
 * The browser's side of the live cluster view (sandbox/server/cluster-view-api.ts): reads the learner's
 * cluster every 2 s while the view is open, on screen and in a visible tab, and draws brokers, partitions and
 * consumer groups as tables. A value that changed since the last read is marked for a moment. It only looks:
 * without a learner session (none started yet) it asks for nothing.
 */
import type { ClusterSnapshot } from '../../../../sandbox/cluster/cluster-snapshot.ts';
import type { ClusterViewAnswer } from '../../../../sandbox/server/cluster-view-api.ts';
import { apiError, errorText } from '../api-error.ts';
import { savedLearnerToken } from '../learner-session.ts';
import type { ClusterViewStrings } from './cluster-view-strings.ts';

const POLL_MS = 2000;
/** After a failure (the server restarting, say), ask less often. */
const RETRY_MS = 5000;

/** A table cell: its text, and a class when it is a warning (no leader, out of sync, a node down). */
type Cell = string | { text: string; warn: boolean };

export function mountClusterView(root: HTMLDetailsElement, strings: ClusterViewStrings): void {
	const part = (name: string) => root.querySelector<HTMLElement>(`[data-view-part="${name}"]`)!;
	const kind = root.dataset['clusterView'] === 'lab' ? 'lab' : 'exercise';
	const locale = root.dataset['locale'] === 'en' ? 'en' : 'ko';
	const status = part('status');
	const body = part('body');
	let onScreen = false;
	let busy = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** Each cell's text at the last read, by where it is: what changed is marked. */
	let previous = new Map<string, string>();

	const shown = () => root.open && onScreen && document.visibilityState === 'visible';

	async function tick(): Promise<void> {
		if (busy || !shown()) return; // the events below start it again
		busy = true;
		clearTimeout(timer);
		let wait = RETRY_MS;
		try {
			wait = await refresh();
		} catch {
			status.textContent = strings.unreachable; // an answer that was not the server's (a proxy's page, say)
		} finally {
			busy = false;
		}
		timer = setTimeout(() => void tick(), wait);
	}

	/** Reads once and draws what came; returns how long to wait before the next read. */
	async function refresh(): Promise<number> {
		const token = savedLearnerToken();
		if (!token) return showNoCluster();
		const query = new URLSearchParams({ token, [kind]: root.dataset['id']! });
		const response = await fetch(`/api/cluster?${query}`).catch(() => undefined);
		if (!response) {
			status.textContent = strings.unreachable;
			return RETRY_MS;
		}
		if (response.status === 401) return showNoCluster(); // no live session: the hands-on part starts one
		if (!response.ok) {
			status.textContent = errorText(await apiError(response), locale);
			return Math.max(RETRY_MS, Number(response.headers.get('retry-after') ?? 0) * 1000);
		}
		const { snapshot } = (await response.json()) as ClusterViewAnswer;
		if (!snapshot) return showNoCluster();
		draw(snapshot);
		return POLL_MS;
	}

	function showNoCluster(): number {
		status.textContent = strings.noCluster[kind];
		body.replaceChildren();
		previous = new Map();
		return POLL_MS;
	}

	function draw(snapshot: ClusterSnapshot): void {
		const time = new Date(snapshot.readAt).toLocaleTimeString(locale === 'ko' ? 'ko-KR' : 'en-GB');
		status.textContent = strings.updated(time);
		const current = new Map<string, string>();
		const table = (id: string, caption: string, headers: string[], rows: Array<{ key: string; cells: Cell[] }>) => {
			const element = document.createElement('table');
			element.dataset['viewTable'] = id;
			element.createCaption().textContent = caption;
			const head = element.createTHead().insertRow();
			for (const header of headers) {
				const th = document.createElement('th');
				th.scope = 'col';
				th.textContent = header;
				head.append(th);
			}
			const rowsBody = element.createTBody();
			for (const { key, cells } of rows) {
				const row = rowsBody.insertRow();
				row.dataset['key'] = key;
				cells.forEach((cell, i) => {
					const td = row.insertCell();
					const { text, warn } = typeof cell === 'string' ? { text: cell, warn: false } : cell;
					td.textContent = text;
					td.classList.toggle('is-warning', warn);
					const where = `${id}|${key}|${i}`;
					current.set(where, text);
					if (previous.has(where) && previous.get(where) !== text) td.classList.add('is-changed');
				});
			}
			return element;
		};
		const note = (text: string) => Object.assign(document.createElement('p'), { textContent: text, className: 'cluster-view__note' });
		const number = (value: number | null) => (value === null ? strings.unknown : String(value));

		const parts: HTMLElement[] = [
			table('brokers', strings.brokers, [strings.node, strings.state], snapshot.brokers.map((b) => ({
				key: String(b.nodeId),
				cells: [`kafka-${b.nodeId}`, { text: strings.states[b.state], warn: b.state !== 'running' }],
			}))),
		];
		for (const unreadable of snapshot.unreadable) parts.push(note(strings.unreadable[unreadable]));
		if (!snapshot.unreadable.includes('topics')) {
			if (snapshot.topics.length === 0) parts.push(note(strings.noTopics));
			else {
				parts.push(table('topics', strings.topics, [strings.topic, strings.partition, strings.leader, strings.replicas, strings.isr, strings.logStart, strings.highWatermark],
					snapshot.topics.flatMap((topic) => topic.partitions.map((p) => {
						const outOfSync = p.replicas.filter((id) => !p.isr.includes(id));
						return {
							key: `${topic.name}/${p.partition}`,
							cells: [
								topic.name,
								String(p.partition),
								{ text: p.leader === null ? strings.noLeader : String(p.leader), warn: p.leader === null },
								p.replicas.join(', '),
								{ text: [p.isr.join(', '), outOfSync.length > 0 ? `(${strings.outOfSync(outOfSync.join(', '))})` : ''].filter(Boolean).join(' '), warn: outOfSync.length > 0 },
								number(p.logStartOffset),
								number(p.logEndOffset),
							],
						};
					}))));
			}
		}
		if (!snapshot.unreadable.includes('groups')) {
			if (snapshot.groups.length === 0) parts.push(note(strings.noGroups));
			else {
				parts.push(table('groups', strings.groups, [strings.group, strings.state, strings.members, strings.partition, strings.committed, strings.lag, strings.owner],
					snapshot.groups.flatMap((group) => {
						const clientOf = new Map(group.members.map((m) => [m.memberId, m.clientId]));
						const shared = [group.groupId, group.state, String(group.members.length)];
						if (group.offsets.length === 0) return [{ key: group.groupId, cells: [...shared, strings.noOffsets, '', '', ''] }];
						return group.offsets.map((o) => ({
							key: `${group.groupId}/${o.topic}/${o.partition}`,
							cells: [...shared, `${o.topic}-${o.partition}`, String(o.committed), { text: number(o.lag), warn: (o.lag ?? 0) > 0 }, (o.memberId && clientOf.get(o.memberId)) ?? '—'],
						}));
					})));
			}
		}
		if (snapshot.omitted.topics + snapshot.omitted.groups > 0) parts.push(note(strings.omitted(snapshot.omitted.topics, snapshot.omitted.groups)));
		body.replaceChildren(...parts);
		previous = current;
	}

	new IntersectionObserver(([entry]) => {
		onScreen = entry?.isIntersecting ?? false;
		void tick();
	}).observe(root);
	root.addEventListener('toggle', () => void tick());
	document.addEventListener('visibilitychange', () => void tick());
}

/**
 * Why the course server turned a request down, in both of the course's languages. Handlers throw a
 * Refusal; the server's error handler answers it as JSON ({ error, message: { ko, en } }), with
 * Retry-After when waiting helps, and the terminal sends its text in the learner's language.
 */

export interface LocalizedText {
  ko: string;
  en: string;
}

/** The JSON body of every error answer of the course's APIs: `error` for tools, `message` for the page. */
export interface ErrorBody {
  error: string;
  message: LocalizedText;
}

export type LimitedAction = 'session' | 'run' | 'check' | 'reset' | 'action' | 'view';

export class Refusal extends Error {
  readonly status: number;
  readonly text: LocalizedText;
  readonly retryAfterSeconds?: number;

  constructor(status: number, text: LocalizedText, retryAfterSeconds?: number) {
    super(text.en);
    this.name = 'Refusal';
    this.status = status;
    this.text = text;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get body(): ErrorBody {
    return { error: this.text.en, message: this.text };
  }
}

const TOO_OFTEN: Record<LimitedAction, (seconds: number) => LocalizedText> = {
  session: (s) => ({
    ko: `새 학습 세션을 너무 자주 요청했습니다. ${s}초 뒤에 다시 시도하세요.`,
    en: `Too many new sessions from this address: try again in ${s} s.`,
  }),
  run: (s) => ({
    ko: `짧은 시간에 너무 많이 실행했습니다. ${s}초 뒤에 다시 실행하세요.`,
    en: `Too many runs in a short time: run again in ${s} s.`,
  }),
  check: (s) => ({
    ko: `짧은 시간에 확인을 너무 많이 눌렀습니다. ${s}초 뒤에 다시 확인하세요.`,
    en: `Too many checks in a short time: check again in ${s} s.`,
  }),
  reset: (s) => ({
    ko: `짧은 시간에 샌드박스를 너무 많이 초기화했습니다. ${s}초 뒤에 다시 시도하세요.`,
    en: `Too many sandbox resets in a short time: try again in ${s} s.`,
  }),
  action: (s) => ({
    ko: `짧은 시간에 클러스터에 대한 조작을 너무 많이 요청했습니다. ${s}초 뒤에 다시 시도하세요.`,
    en: `Too many actions on your cluster in a short time: try again in ${s} s.`,
  }),
  view: (s) => ({
    ko: `클러스터 상태를 너무 자주 요청했습니다. ${s}초 뒤에 다시 보여 드립니다.`,
    en: `The cluster's state was asked for too often: it shows again in ${s} s.`,
  }),
};

export const refusals = {
  wrongHost: () =>
    new Refusal(421, {
      ko: '이 코스 서버는 자기 주소(127.0.0.1, localhost, 또는 COURSE_PUBLIC_ORIGIN에 적은 이름)로 온 요청만 받습니다.',
      en: 'This course server answers only at its own addresses (127.0.0.1, localhost, or the names in COURSE_PUBLIC_ORIGIN).',
    }),
  wrongOrigin: () =>
    new Refusal(403, {
      ko: '다른 사이트의 페이지에서 보낸 요청은 받지 않습니다. 코스 주소에서 직접 여세요.',
      en: 'Requests from pages of other sites are refused: open the course at its own address.',
    }),
  tooOften: (action: LimitedAction, seconds: number) => new Refusal(429, TOO_OFTEN[action](seconds), seconds),
  full: () =>
    new Refusal(503, {
      ko: '코스 서버가 받을 수 있는 학습자 수가 다 찼습니다. 잠시 뒤에 다시 시도하거나 운영자에게 알려 주세요.',
      en: 'The course server has as many learners as it can hold: try again later, or tell whoever runs it.',
    }),
  unknownSession: () =>
    new Refusal(401, {
      ko: '모르는 세션이거나 만료된 세션입니다. POST /api/labs/session으로 새 토큰을 받으세요.',
      en: 'Unknown or expired session: ask POST /api/labs/session for a new token.',
    }),
  unknownLab: (labId: string) => new Refusal(404, { ko: `"${labId}"라는 실습은 없습니다.`, en: `unknown lab "${labId}"` }),
  unknownExercise: (exerciseId: string) =>
    new Refusal(404, { ko: `"${exerciseId}"라는 터미널 실습은 없습니다.`, en: `unknown terminal exercise "${exerciseId}"` }),
  solutionLocked: () =>
    new Refusal(403, {
      ko: '정답은 실습을 한 번 실행한 뒤에 볼 수 있습니다.',
      en: 'run the lab once before asking for its solution',
    }),
  noSuchEndpoint: (route: string) => new Refusal(404, { ko: `없는 API입니다: ${route}`, en: `no such endpoint: ${route}` }),
  badRequest: (detail: string) => new Refusal(400, { ko: `요청을 처리할 수 없습니다: ${detail}`, en: `bad request: ${detail}` }),
  internal: (detail: string) =>
    new Refusal(500, { ko: `서버 내부 오류입니다: ${detail}`, en: `internal error: ${detail}` }),
};

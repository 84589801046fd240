import type { CourseLocale } from '../../../course/locales.ts';

/**
 * The knowledge check's words, per page language. The script reads the ones it needs from data
 * attributes the page carries, so none of this ships as JavaScript.
 */
export const knowledgeCheckStrings = {
	ko: {
		label: '확인 문제',
		question: (number: number) => `문제 ${number}`,
		predictFirst: '실행하기 전에 결과를 먼저 예측해 보세요.',
		check: '정답 확인',
		commitPrediction: '이 예측으로 확정',
		chooseFirst: '먼저 답을 하나 고르세요.',
		correct: '정답입니다.',
		wrong: '아닙니다. 다른 답을 골라 보세요.',
		predictionRight: '예측이 맞았습니다.',
		predictionWrong: '실제 결과는 예측과 다릅니다.',
		runIt: '직접 실행해서 확인해 보세요:',
		goThere: '실습으로 가기',
		answered: '풀었음',
		reasons: '정답과 해설',
		rightAnswer: '정답',
		wrongAnswer: '오답',
		progress: '{total}문제 중 {answered}문제를 풀었습니다.',
		allAnswered: '{total}문제를 모두 풀었습니다.',
	},
	en: {
		label: 'Knowledge check',
		question: (number: number) => `Question ${number}`,
		predictFirst: 'Predict the result before you run it.',
		check: 'Check my answer',
		commitPrediction: 'Lock in my prediction',
		chooseFirst: 'Pick an answer first.',
		correct: 'Correct.',
		wrong: 'Not quite. Try another answer.',
		predictionRight: 'Your prediction was right.',
		predictionWrong: 'The result is not what you predicted.',
		runIt: 'Run it and see for yourself:',
		goThere: 'Go to the exercise',
		answered: 'answered',
		reasons: 'Answers and reasons',
		rightAnswer: 'Right',
		wrongAnswer: 'Wrong',
		progress: '{answered} of {total} questions answered.',
		allAnswered: 'All {total} questions answered.',
	},
} satisfies Record<CourseLocale, Record<string, string | ((number: number) => string)>>;

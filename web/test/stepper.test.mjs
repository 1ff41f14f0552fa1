// Unit tests of the page's stepping logic (web/src/stepper.js), in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as st from '../src/stepper.js';

// main: line 1 (def), 3 (call f), f: 1, 2, back in main 4, end.
const log = {
  lines: Uint32Array.from([1, 3, 1, 2, 4, 4]),
  depths: Uint32Array.from([1, 1, 2, 2, 1, 0]),
  files: Uint32Array.from([0, 0, 0, 0, 0, 0]),
};

test('step over skips the call', () => {
  assert.equal(st.stepOver(log, 1), 4);
  assert.equal(st.stepOver(log, 2), 3);
  assert.equal(st.stepOverBack(log, 4), 1);
});

test('step out returns to the caller', () => {
  assert.equal(st.stepOut(log, 2), 4);
  assert.equal(st.stepOut(log, 4), 5);
});

test('run to line finds the next step on that line', () => {
  assert.equal(st.runToLine(log, 0, 0, 2), 3);
  assert.equal(st.runToLine(log, 3, 0, 2), null);
  assert.equal(st.runToLine(log, 0, 1, 2), null, 'other file');
});

test('breakpoints stop continue, forward and back', () => {
  const bps = new Set(['0:2']);
  assert.equal(st.continueForward(log, 0, bps), 3);
  assert.equal(st.continueForward(log, 3, bps), 5);
  assert.equal(st.continueBack(log, 5, bps), 3);
  assert.equal(st.continueForward(log, 0, new Set()), 5);
});

test('clamp keeps steps in range', () => {
  assert.equal(st.clamp(log, -3), 0);
  assert.equal(st.clamp(log, 99), 5);
});

// chat-budget.test.mjs — the hall-wide chat budget (Halld.ChatPerSecond 20,
// Halld.ChatBurst 40) on top of each connection's one line a second: many
// chatters at once, each within their own limit, together get no more than
// the hall's burst through; the rest are answered with ERROR_MESSAGE 429
// naming the hall, nobody is disconnected or struck for it, and a moment
// later chat goes on. The limit of one line a second is per ID: many tabs
// of one ID are one chatter.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { HallClient, sleep, uniqueUser } from '../lib/hall.mjs';

const open = [];
after(async () => { await Promise.all(open.map((c) => c.close())); });

const isChat = (f) => f.action === 'ACTION_CHAT_MESSAGE';
const hallBusy = (f) => f.action === 'ERROR_MESSAGE' && f.code === 429 && /hall/.test(f.msg);

describe('the hall-wide chat budget', { timeout: 60000 }, () => {
  test('12 chatters × 5 lines at once: at most the hall\'s burst is heard, the rest refused, nobody closed', async () => {
    const listener = await HallClient.join(uniqueUser('listen'));
    open.push(listener);
    const chatters = [];
    for (let i = 0; i < 12; i += 1) {
      const c = await HallClient.join(uniqueUser(`chat${i}`));
      open.push(c);
      chatters.push(c);
    }
    await sleep(500);
    const mark = listener.frames.length;
    const tag = `budget-${process.pid}-${Date.now()}`;
    // Five each: every connection stays within its own burst of five.
    for (let n = 0; n < 5; n += 1) for (const c of chatters) c.chat(`${tag} ${n}`);
    await sleep(1500);
    const heard = listener.frames.slice(mark).filter((f) => isChat(f) && f.message.startsWith(tag));
    const refused = chatters.reduce((sum, c) => sum + c.frames.filter(hallBusy).length, 0);
    assert.ok(heard.length >= 40 && heard.length <= 45,
      `the hall's burst of 40 (and the little it refills meanwhile) is heard: ${heard.length}`);
    assert.ok(refused >= 1, `the rest are refused with 429 naming the hall: ${refused}`);
    for (const c of chatters) assert.equal(c.closeInfo, null, 'nobody is disconnected for the hall being busy');

    // The budget refills at 20 a second: a second later chat goes on.
    await sleep(1500);
    chatters[0].chat(`${tag} after`);
    await listener.waitFor((f) => isChat(f) && f.message === `${tag} after`);
  });

  test('one ID with many tabs is one chatter: its tabs share one limit, and the others are still heard', async () => {
    await sleep(2500); // the hall's budget full again
    const listener = await HallClient.join(uniqueUser('listen2'));
    open.push(listener);
    const loud = uniqueUser('loud');
    const tabs = [];
    for (let i = 0; i < 4; i += 1) {
      const c = await HallClient.join(loud);
      open.push(c);
      tabs.push(c);
    }
    const other = await HallClient.join(uniqueUser('other'));
    open.push(other);
    await sleep(500);
    const mark = listener.frames.length;
    const tag = `one-id-${process.pid}-${Date.now()}`;
    for (let n = 0; n < 5; n += 1) for (const c of tabs) c.chat(`${tag} loud ${n}`);
    other.chat(`${tag} other`);
    await sleep(1500);
    const heard = listener.frames.slice(mark).filter((f) => isChat(f) && f.message.startsWith(tag));
    const loudHeard = heard.filter((f) => f.message.includes(' loud ')).length;
    assert.ok(loudHeard <= 6, `four tabs of one ID are heard as one chatter's burst of five: ${loudHeard}`);
    assert.ok(heard.some((f) => f.message === `${tag} other`), 'another visitor is still heard');
  });
});

import { describe, expect, it } from 'vitest';
import { classifyReply, replyText } from '../src/outreach/index.js';

/*
 * The footer a phone or mail app writes below a reply, in the prospect's language: cut with
 * everything below it (an unattributed quote of our mail, with its "reply STOP" line), so
 * that "Sounds good" above a Chinese phone's footer is not read as a stop request.
 */
describe('mobile and mail-app footers in every language', () => {
  it.each([
    ['发自我的华为手机'],
    ['发自我的iPhone'],
    ['從我的 iPhone 傳送'],
    ['iPhoneから送信'],
    ['Outlook for iOS を入手'],
    ['获取 Outlook for iOS'],
    ['iPhone에서 보냄'],
    ['Samsung Galaxy 스마트폰에서 보냄'],
    ['Gesendet von meinem iPhone'],
    ['Von meinem Huawei-Handy gesendet'],
    ['Gesendet mit der WEB.DE Mail App'],
    ['Gesendet von Outlook für Android'],
    ['Hol dir Outlook für iOS'],
    ['Envoyé de mon iPhone'],
    ['Envoyé à partir de Outlook pour Android'],
    ['Télécharger Outlook pour iOS'],
    ['Obtener Outlook para Android'],
    ['Verzonden vanuit Outlook voor iOS'],
    ['Skickat från Outlook för iOS'],
    ['Skaffa Outlook för iOS'],
    ['Wysłane z mojego iPhone\'a'],
    ['Pobierz aplikację Outlook dla systemu Android'],
    ['Sent from Yahoo Mail for iPhone'],
    ['Отправлено с iPhone'],
    ['Отправлено из мобильной Почты Mail.ru'],
    ["iPhone'umdan gönderildi"],
  ])('cuts %j and what follows it', (footer) => {
    const text = `Sounds good, send me the deck.\n\n${footer}\n\nReply STOP to unsubscribe from these emails.`;
    expect(replyText(text)).toBe('Sounds good, send me the deck.');
    expect(classifyReply(text).category).toBe('positive');
  });

  it.each([
    ['資料をメールから送信しました。\nご確認ください。'],
    ['Sent from our CFO: the numbers are fine.\nCall me.'],
    ['Hol dir mal einen Kaffee.\nJa, gerne.'],
  ])('keeps a line that only starts like a footer: %j', (text) => {
    expect(replyText(text)).toBe(text);
  });
});

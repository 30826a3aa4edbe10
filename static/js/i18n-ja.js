// i18n-ja.js — every Japanese string the hall's scripts show, in one place.
// Another language is this file copied as i18n-<lang>.js and translated; the
// hall picks the file named by <html lang>, and falls back to this one.
// Values with {name} placeholders are filled in by text.format().

export default {
	hallLabel: '展示会場',
	connection: {
		connecting: '接続中…',
		open: '接続済み',
		retrying: '再接続まで {seconds} 秒…',
		offline: 'オフライン',
	},
	people: '会場に {count} 人',
	you: 'あなた',
	avatarAlt: '@{id} のアイコン',
	nameTag: '@{id}',
	chat: {
		label: 'チャット',
		placeholder: 'メッセージを入力して Enter(200 文字まで)',
		send: '送信',
		log: 'チャットの記録',
		showLog: '記録',
		tooLong: '200 文字までです。',
		notConnected: '接続が戻ったら送れます。',
	},
	serverError: {
		429: '送信が速すぎます。少し間をおいてください。',
		other: 'サーバーから: {msg}',
	},
	hint: {
		exhibit: 'Enter で「{title}」のサイトへ',
		board: 'Enter で構成図を見る',
		button: 'Enter',
	},
	exhibitDialog: {
		loading: '読み込み中…',
		openPage: '紹介ページを開く',
		failed: '紹介を読み込めませんでした。',
	},
	board: {
		label: '掲示板',
		sign: '構成図',
		title: 'このシステムの構成図',
		alt: 'nginx が静的ファイルと FastCGI プログラム(site・legacy・api・masakari)と展示会場デーモンに振り分け、すべてが MariaDB を使い、cron で動く攻撃プログラムが /legacy/random を攻撃する構成図',
		caption: 'nginx の背後に C の FastCGI プログラムと libwebsockets の展示会場デーモン。攻撃は cron + flock で動く C の攻撃プログラムが、このアプリ自身の /legacy/random に投げます。',
	},
	tutorial: {
		title: 'ようこそ、展示会場へ!',
		lines: [
			'WASD か矢印キーで歩けます。自分のアイコンをマウスや指でドラッグしても動けます。',
			'作品の額縁をクリックすると紹介が開きます。',
			'作品の上に立って Enter(画面の Enter ボタン)を押すと、その作品のサイトへ飛びます。',
			'下のチャット欄で話しかけると、吹き出しがみんなに 5 秒間見えます。',
			'掲示板にはこのシステムの構成図が貼ってあります。',
		],
		start: 'はじめる',
		help: '操作方法',
	},
	close: '閉じる',
	minimap: '全体地図',
	easterEgg: {
		title: '卒業おめでとう!',
		body: 'notch_man、ニッシー☆、田中。ハッカソンで暴れ回った日々をありがとう。新天地でも、まさかりを投げ続けよう!',
	},
};

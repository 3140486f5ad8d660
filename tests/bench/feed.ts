/**
 * A generated Facebook news feed for the main-thread benchmark: 2,000 feed units at the depth
 * Facebook nests them, the person the author of every 10th, then 100 bursts of 20 more units
 * inserted the way an infinite feed does. Markup follows the fixture (tests/fixtures/facebook/
 * home.html, social-dom-facts §5): units div[aria-posinset], author link in h4, comments
 * div[role=article] with a ?comment_id= author link.
 */
export const FEED_URL = 'https://www.facebook.com/?sk=h_chr';
export const FEED = { initialPosts: 2_000, bursts: 100, postsPerBurst: 20, personEvery: 10 };

/** Authors of units that are not the person, decoys among them (a longer vanity, the same name). */
const OTHERS = [
  ['jo.martin', 'Jo Martin'],
  ['sam.rivera.778', 'Samuel Rivera'],
  ['samrivera.photo', 'Sam Rivera'],
  ['alex.kim.3', 'Alex Kim'],
];
const PERSON_VANITY = 'sam.rivera.77';

/**
 * One feed unit. Plain JavaScript with no outside references: it runs in Node for the first
 * 2,000 and, through its source text, in the page for the bursts.
 */
function feedUnit(index: number, person: string, others: string[][], personEvery: number): string {
  const mine = index % personEvery === 0;
  const [vanity, name] = mine ? [person, 'Sam Rivera'] : others[index % others.length]!;
  const [commenter, commenterName] = others[(index + 1) % others.length]!;
  const marker = mine ? ` data-person="post ${index}"` : ` data-decoy="post ${index}"`;
  // Facebook wraps each unit in a dozen anonymous divs with atomic classes.
  let open = '';
  let close = '';
  for (let depth = 0; depth < 12; depth += 1) {
    open += `<div class="x1n2onr6 x${(index + depth) % 97}">`;
    close += '</div>';
  }
  return (
    `<div aria-posinset="${index + 1}" aria-setsize="-1" class="x1lliihq"${marker}>${open}` +
    `<div role="article" aria-labelledby=":r${index}:" class="xw7yly9">` +
    `<div class="x78zum5"><div><a href="/${vanity}?__cft__[0]=AZW${index}&amp;__tn__=-UC%2CP-R" role="link" aria-hidden="true"><svg width="40" height="40" role="img"><circle cx="20" cy="20" r="20"></circle></svg></a></div>` +
    `<div><h4 id=":r${index}:"><span><a href="/${vanity}?__cft__[0]=AZW${index}&amp;__tn__=-UC%2CP-R" role="link"><strong><span>${name}</span></strong></a></span></h4>` +
    `<span><a href="/${vanity}/posts/pfbid0${index}" role="link"><span>${(index % 23) + 1} h</span></a></span></div></div>` +
    `<div dir="auto" class="x1iyjqo2"><div><span>Post ${index}: a walk by the river, coffee after, and a long list of small things that went well today.</span></div></div>` +
    `<div class="x9f619"><div role="button" tabindex="0" aria-label="Like">Like</div><div role="button" tabindex="0" aria-label="Leave a comment">Comment</div><div role="button" tabindex="0" aria-label="Send this to friends or post it on your profile.">Share</div></div>` +
    `<div><div role="article" aria-label="Comment by ${commenterName}" class="x1lliihq"><a href="/${commenter}?comment_id=Y29t${index}&amp;__tn__=R" role="link"><span>${commenterName}</span></a><div dir="auto"><span>Looks lovely.</span></div></div></div>` +
    `</div>${close}</div>`
  );
}

/** The page: the first units in the HTML, the bursts scheduled once `window.__startBursts()` is called. */
export function feedPage(): string {
  const units: string[] = [];
  for (let index = 0; index < FEED.initialPosts; index += 1) units.push(feedUnit(index, PERSON_VANITY, OTHERS, FEED.personEvery));
  const bursts = `
    const feedUnit = ${feedUnit.toString()};
    window.__startBursts = () => new Promise((done) => {
      const feed = document.querySelector('[role="feed"]');
      let next = ${FEED.initialPosts};
      let burst = 0;
      const insert = () => {
        const holder = document.createElement('div');
        let html = '';
        for (let i = 0; i < ${FEED.postsPerBurst}; i += 1) html += feedUnit(next++, ${JSON.stringify(PERSON_VANITY)}, ${JSON.stringify(OTHERS)}, ${FEED.personEvery});
        holder.innerHTML = html;
        feed.append(...holder.children);
        burst += 1;
        if (burst < ${FEED.bursts}) setTimeout(insert, 50);
        else requestAnimationFrame(() => requestAnimationFrame(() => done(feed.children.length)));
      };
      insert();
    });`;
  return `<!doctype html><html lang="en" id="facebook"><head><meta charset="utf-8"><title>Facebook</title>
<style>body{font-family:sans-serif;margin:0;background:#f0f2f5}.xw7yly9{background:#fff;border-radius:8px;margin:8px 0;padding:8px}.x78zum5{display:flex;gap:8px}.x9f619{display:flex;gap:12px}</style>
</head><body><div id="mount_0_0_Kq"><div role="banner"><a href="/" aria-label="Facebook" role="link">facebook</a>
<input type="search" role="combobox" aria-label="Search Facebook"></div>
<div role="main"><div role="feed">${units.join('')}</div></div></div>
<script>${bursts}</script></body></html>`;
}

/**
 * Words a page's `id` / `class` / `name` tokens are made of when they are technical (Bootstrap's,
 * a framework's, a developer's English): a lower-case token made only of these, the portal's own
 * words and parts of one or two letters (`sm`, `js`) is kept; any other part may be a name
 * (`dupont-jean`, `user-marie`), and the token is masked (`xxxxxx-xxxx`).
 */
const WORDS =
  'about account accordion ajax api action actions active add addon alert align all app arrow aside auto avatar ' +
  'back backdrop badge banner bar base bg block body bold border bottom box brand breadcrumb btn button ' +
  'cache call caption card caret cell center check checkbox circle clear clearfix click client close col ' +
  'collapse column columns compact component condensed confirm container content control copy copyable ' +
  'count counter danger dark data date day default delete demo description desktop detail details dialog ' +
  'disabled dismiss dismissible display dissociate divider done down drop dropdown edit email empty end ' +
  'error expand extra fade fault field fieldset file fill filter filters first fixed flash flex float fluid ' +
  'collapsed connection drop even expired expanded focus footer form frame full glyphicon gone grid group header heading help hidden hide highlight history ' +
  'historique home horizontal host hover icon id image img in indicator info informations inline inner input ' +
  'inverse item items js label large last latency layout left lg licence licences line link list loader ' +
  'loading lock login logo logout main margin max md media medium menu message meta min mock modal more ' +
  'muted name nav navbar new next no none normal number numbers numeros offset ok on off open option ' +
  'options order outer outline overlay page pagination pager pane panel password pill pills popover portal ' +
  'position prev previous primary print progress pull quantity query radio readonly remove reset responsive ' +
  'result results right root row rows save scenario screen scroll search secondary section select selected ' +
  'separator service services show sidebar size small sort span spinner sr start static status step stepper ' +
  'sticky striped sub submit success summary switch tab table tabs tag terminate termination text textarea ' +
  'theme thumbnail time title toggle toolbar tooltip top total trash type ui up user users value view ' +
  'invisible malformed odd opened session shown subscribed xhr visible warning well wrapper xl xs xxl';

let words: ReadonlySet<string> | undefined;

export function isTechnicalWord(part: string): boolean {
  words ??= new Set(WORDS.split(' '));
  return words.has(part);
}

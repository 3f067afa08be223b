/**
 * The words generated content is made of. Each topic (a section of the
 * paper) has its own tags, actors and issues, so that articles of a section
 * share tags and read like that section: templates below take `{actor}`
 * (plural, "central banks"), `{issue}` (a noun phrase, "inflation targets")
 * and `{place}`; a capitalised placeholder (`{Actor}`) capitalises the word.
 */
export interface Topic {
  name: string;
  description: string;
  /** Tag names, most popular first; unique across all topics. */
  tags: readonly string[];
  actors: readonly string[];
  issues: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    name: "World",
    description: "International news, diplomacy and conflict.",
    tags: ["Diplomacy", "Migration", "Refugees", "United Nations", "Sanctions", "Borders", "Humanitarian aid", "Peace talks", "Foreign policy", "Human rights"],
    actors: ["diplomats", "foreign ministers", "aid agencies", "border officials", "peace negotiators", "regional powers", "UN envoys", "exiled opposition leaders"],
    issues: ["the refugee crisis", "border security", "sanctions policy", "the ceasefire talks", "humanitarian access", "the shipping lanes", "regional alliances", "the aid budget"],
  },
  {
    name: "Politics",
    description: "Power, parliaments, campaigns and the people who run them.",
    tags: ["Elections", "Parliament", "Campaign finance", "Polling", "Voting rights", "Local government", "Lobbying", "Coalition politics", "Political parties", "Constitutional reform"],
    actors: ["party leaders", "lawmakers", "campaign strategists", "pollsters", "mayors", "opposition parties", "coalition partners", "civil servants"],
    issues: ["electoral reform", "campaign finance rules", "the budget vote", "voter turnout", "coalition deals", "the spending review", "redistricting", "lobbying rules"],
  },
  {
    name: "Business",
    description: "Markets, companies, work and the economy.",
    tags: ["Inflation", "Interest rates", "Central banks", "Trade", "Startups", "Labour market", "Mergers", "Supply chains", "Retail", "Housing market"],
    actors: ["central banks", "investors", "retailers", "shipping firms", "venture capitalists", "small businesses", "bond traders", "competition regulators"],
    issues: ["inflation targets", "interest rates", "supply chains", "the housing market", "corporate debt", "trade tariffs", "wage growth", "the four-day week"],
  },
  {
    name: "Science",
    description: "Discoveries, research and the people doing it.",
    tags: ["Space", "Physics", "Genetics", "Astronomy", "Neuroscience", "Evolution", "Research funding", "Chemistry", "Oceans", "Archaeology"],
    actors: ["astronomers", "geneticists", "physicists", "research councils", "marine biologists", "archaeologists", "peer reviewers", "space agencies"],
    issues: ["gene editing", "the replication crisis", "dark matter", "research funding", "deep-sea exploration", "ancient DNA", "lunar missions", "open-access publishing"],
  },
  {
    name: "Technology",
    description: "Computing, the internet and the companies that shape them.",
    tags: ["Artificial intelligence", "Cybersecurity", "Privacy", "Semiconductors", "Social media", "Open source", "Smartphones", "Cloud computing", "Robotics", "Digital regulation"],
    actors: ["chipmakers", "software engineers", "platform companies", "privacy regulators", "security researchers", "app developers", "robotics startups", "telecoms operators"],
    issues: ["AI regulation", "data privacy", "chip shortages", "content moderation", "ransomware attacks", "open-source licensing", "online safety laws", "cloud outages"],
  },
  {
    name: "Health",
    description: "Medicine, public health and care.",
    tags: ["Public health", "Vaccines", "Mental health", "Hospitals", "Nutrition", "Ageing", "Pharmaceuticals", "Pandemics", "Health insurance", "Medical research"],
    actors: ["doctors", "nurses", "health ministers", "drug makers", "hospital managers", "epidemiologists", "patient groups", "health insurers"],
    issues: ["waiting lists", "vaccine uptake", "drug prices", "mental-health services", "antibiotic resistance", "elderly care", "hospital staffing", "obesity rates"],
  },
  {
    name: "Climate",
    description: "Climate change, energy and the natural world.",
    tags: ["Climate change", "Renewable energy", "Emissions", "Extreme weather", "Biodiversity", "Carbon markets", "Electric vehicles", "Energy transition", "Deforestation", "Climate adaptation"],
    actors: ["climate scientists", "energy companies", "environmental campaigners", "utility regulators", "farmers", "city planners", "carbon traders", "coastal communities"],
    issues: ["carbon pricing", "emissions targets", "heatwaves", "sea-level rise", "the energy transition", "grid capacity", "wildfire risk", "deforestation"],
  },
  {
    name: "Culture",
    description: "Books, film, music, art and the stage.",
    tags: ["Books", "Film", "Music", "Theatre", "Television", "Visual art", "Museums", "Architecture", "Festivals", "Streaming"],
    actors: ["publishers", "film studios", "museum directors", "streaming platforms", "independent bookshops", "festival organisers", "art dealers", "record labels"],
    issues: ["arts funding", "streaming royalties", "the future of cinema", "museum restitution", "public broadcasting", "concert ticket prices", "literary prizes", "live music venues"],
  },
  {
    name: "Sport",
    description: "Results, analysis and the business of sport.",
    tags: ["Football", "Tennis", "Athletics", "Cricket", "Cycling", "Olympics", "Formula One", "Rugby", "Women's sport", "Doping"],
    actors: ["football clubs", "sports ministers", "team owners", "anti-doping officials", "broadcasters", "coaches", "season-ticket holders", "governing bodies"],
    issues: ["transfer spending", "broadcasting rights", "doping controls", "stadium finance", "player welfare", "the Olympic budget", "the women's game", "grassroots funding"],
  },
  {
    name: "Opinion",
    description: "Columns, editorials and letters from readers.",
    tags: ["Editorial", "Letters", "Columnists", "Media", "Free speech", "Education", "Generational divide", "Democracy", "Work life", "Cities"],
    actors: ["columnists", "editors", "teachers", "young voters", "commuters", "landlords", "universities", "readers"],
    issues: ["free speech on campus", "the cost of living", "remote work", "trust in the media", "housing affordability", "school funding", "civic life", "the generational divide"],
  },
  {
    name: "Travel",
    description: "Places worth the journey, and how to get there.",
    tags: ["Destinations", "Rail travel", "Aviation", "Tourism", "Hotels", "Hiking", "City breaks", "Sustainable travel", "Islands", "Road trips"],
    actors: ["airlines", "hoteliers", "tour operators", "rail companies", "travellers", "local residents", "tourism boards", "mountain guides"],
    issues: ["overtourism", "night trains", "airport expansion", "short-term rentals", "slow travel", "visa rules", "ski seasons", "cruise ship bans"],
  },
  {
    name: "Food",
    description: "Cooking, eating and where our food comes from.",
    tags: ["Recipes", "Restaurants", "Wine", "Coffee", "Vegetarian food", "Food prices", "Baking", "Street food", "Farming", "Food waste"],
    actors: ["chefs", "restaurateurs", "growers", "winemakers", "food critics", "supermarkets", "home cooks", "coffee farmers"],
    issues: ["food prices", "restaurant closures", "plant-based diets", "food waste", "harvest yields", "the coffee trade", "school meals", "street-food licences"],
  },
];

/** Appended to a topic's tags, in this order, once its named tags run out ("Inflation in Asia"). */
export const TAG_QUALIFIERS = [
  "policy", "in Asia", "in Europe", "in Africa", "in the Americas", "research",
  "reform", "funding", "data", "outlook", "debate", "explained",
];

/** Appended to a topic's name for sections beyond one per topic ("Science: Explainers"). */
export const SECTION_KINDS = ["Analysis", "Explainers", "Long reads", "Briefing", "Interviews", "Data"];

export const PLACES = [
  "Europe", "Asia", "Latin America", "West Africa", "the Gulf", "North America", "the Pacific", "Scandinavia",
  "Lagos", "Jakarta", "Berlin", "São Paulo", "Mumbai", "Nairobi", "Montréal", "Kraków", "Seoul", "Mexico City",
  "Istanbul", "Melbourne",
];

export const TITLES = [
  "Why {actor} are rethinking {issue}",
  "How {actor} in {place} are reshaping {issue}",
  "The quiet battle over {issue}",
  "Inside the race to rethink {issue}",
  "{Actor} face a reckoning over {issue}",
  "What {place} can teach the world about {issue}",
  "{Issue}: five questions that still need answers",
  "Can {actor} still shape {issue}?",
  "The hidden cost of {issue} in {place}",
  "{Actor} bet big on {issue}. Will it pay off?",
  "A turning point for {issue}",
  "Who really decides {issue}?",
];

export const SUBTITLES = [
  "{Actor} say the stakes have rarely been higher",
  "A report from {place} on {issue} and the people it leaves behind",
  "The debate over {issue} is moving faster than the rules",
  "Behind the numbers, {actor} tell a more complicated story",
  "What the fight over {issue} means for {place}",
];

export const EXCERPTS = [
  "A closer look at {issue}, and at the {actor} who will decide what happens next.",
  "In {place}, {issue} has stopped being an abstraction. Here is what changed.",
  "{Actor} have spent a year arguing about {issue}. The real question is who pays.",
];

export const HEADINGS = [
  "The background", "What changed", "Who is affected", "The numbers", "What comes next", "A view from {place}",
  "The critics", "What to watch", "Lessons from {place}", "The bigger picture", "Money and power",
  "How we got here", "An uneasy compromise", "What the data show", "The view of {actor}",
];

export const SENTENCES = [
  "{Actor} in {place} have spent much of the past year arguing about {issue}.",
  "For now, the debate over {issue} shows little sign of settling.",
  "Critics say {actor} moved too slowly, and that {issue} will be harder to fix as a result.",
  "Roughly {number} per cent of those surveyed said {issue} affected them directly.",
  "Officials insist the changes are modest; {actor} are not so sure.",
  "The numbers tell a more complicated story than either side admits.",
  "In {place}, the effects of {issue} are already visible.",
  "Few expected {actor} to take such a firm line on {issue}.",
  "Much depends on what happens in {place} over the coming months.",
  "Supporters argue that {issue} has been neglected for too long.",
  "{Actor} have history on their side, but not necessarily the public.",
  "The question is no longer whether {issue} matters, but who pays for it.",
  "Several people involved asked not to be named because the talks are continuing.",
  "That leaves {actor} with fewer options than they had a year ago.",
  "It is a familiar pattern: a burst of attention, then a long silence.",
  "Behind the headlines, {actor} are quietly preparing for a longer fight over {issue}.",
  "A report published in {place} last month put the cost at {number} billion.",
  "Not everyone agrees, and the disagreement is not only about money.",
  "The last serious attempt to address {issue} collapsed after {number} days of talks.",
  "Ask {actor} what went wrong and you will hear a dozen different answers.",
  "The official figures, published quietly in {place}, were worse than expected.",
  "None of this was inevitable, and much of it was predicted.",
  "{Actor} were told to expect a decision by the spring; it has not come.",
  "What looks like a technical dispute is really an argument about fairness.",
  "On the ground, the picture is more mixed than the statistics suggest.",
  "Even the most optimistic forecasts assume that {actor} will cooperate.",
  "The reforms have their defenders, most of them in {place}.",
  "Some of the loudest voices on {issue} have the least to lose.",
  "A decade ago, {issue} barely registered in national debates.",
  "The costs fall unevenly, and that is the heart of the problem.",
];

/** Said by someone "in {place}"; the generator adds the quotation marks and the attribution. */
export const QUOTES = [
  "We are not there yet, and everyone in the room knows it",
  "Nobody wanted to be the first to say it out loud",
  "The hard part is not the plan, it is paying for it",
  "People here have heard promises like this before",
  "If we wait another year, the choice will be made for us",
  "It works on paper; the question is whether it works on a Tuesday morning",
];

export const SPEAKERS = ["a senior official", "one of the organisers", "a researcher", "a local councillor", "an adviser", "a long-time resident"];

export const LIST_ITEMS = [
  "Pressure from {actor}", "The cost of {issue}", "What happens in {place}", "A shrinking budget",
  "Public patience", "The next election", "New rules on {issue}", "Data nobody has collected yet",
];

export const IMAGE_ALTS = [
  "A crowded street in {place}", "A press conference in {place}", "An aerial view of {place}",
  "A market in {place} at dawn", "A queue outside a building in {place}", "An office in {place} late at night",
];

export const BIOS = [
  "{name} writes for Broadsheet's {topic} desk.",
  "{name} is Broadsheet's {topic} correspondent, based in {place}.",
  "{name} has reported for the {topic} desk from {place} for a decade.",
];

export const FIRST_NAMES = [
  "Ana", "Amara", "Chen", "Diego", "Elif", "Fatima", "François", "Grace", "Hiroshi", "Ingrid",
  "Jonas", "Kwame", "Leila", "Mateo", "Mei", "Nikolai", "Olivia", "Priya", "Rafael", "Sofia",
  "Tomás", "Uchenna", "Valentina", "Wei", "Yasmin", "Zoë", "Aisha", "Björn", "Carmen", "Dmitri",
  "Emma", "Felix", "Hana", "Ismail", "Julia", "Kenji", "Lucía", "Marcus", "Nadia", "Oskar",
];

export const LAST_NAMES = [
  "Abadi", "Bauer", "Castillo", "Dubois", "Eriksen", "Fernández", "Garcia", "Haddad", "Ivanova", "Jensen",
  "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
  "Umarov", "Vargas", "Wójcik", "Xu", "Yilmaz", "Zhang", "Andersson", "Brennan", "Chowdhury", "Da Silva",
  "Ekström", "Farouk", "Gallagher", "Hoffmann", "Iyer", "Jovanović", "Kim", "Laurent", "Müller", "Novak",
  "O'Connor", "Park", "Reyes",
];

export const COMMENTS = [
  "Great piece, thank you.",
  "I'm not convinced by the argument in the third section.",
  "This matches what I've seen in my own town.",
  "Does anyone have a source for the figures quoted here?",
  "Finally someone says it.",
  "The article glosses over who actually pays for this.",
  "Excellent reporting, as always.",
  "I'd like to see a follow-up on this in a year.",
  "Respectfully, I think this misses the point.",
  "My family lived through exactly this.",
  "The quote near the end says it all.",
  "Balanced and well researched.",
  "I changed my mind twice while reading this.",
  "Worth reading to the end.",
  "This deserves far more attention than it gets.",
  "As someone who works in the field, this is broadly right.",
];

export const REPLIES = [
  "Agreed.",
  "Good point, though the numbers suggest otherwise.",
  "I read it quite differently.",
  "Source?",
  "Same here.",
  "That is exactly the problem.",
  "Thanks, I hadn't thought of it that way.",
];

export const SPAM = [
  "Earn $500 a day from home, details on my profile!",
  "Cheap watches, best prices, visit now!!!",
  "I made a fortune with this one simple trick.",
];

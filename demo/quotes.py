"""Demo quotes: what participants say, in the voice of the jaarbericht.

Each quote names its activity, the vestiging where it was said (when it matters for the
story), who said it (a role, an age, a first name: never a full name), the consent given,
the intended effects it speaks to, the review state, and whether it belongs to the demo
year (0) or the year before (-1). Quotes whose activity or effects are missing from a
loaded catalogue are left out or trimmed, so any organisation's catalogue works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class DemoQuote:
    activity: str
    text: str
    attribution: str | None
    consent: Literal["ja", "anoniem", "nee"] = "ja"
    effects: tuple[str, ...] = ()
    vestiging: str | None = None
    review: Literal["new", "approved"] = "approved"
    year_offset: int = 0


Q = DemoQuote

QUOTES: tuple[DemoQuote, ...] = (
    # --- leesbevordering -------------------------------------------------------------------
    Q("voorleesuurtje", "Isa wil nu elke avond voorlezen, ook als ze eigenlijk al moet slapen.",
      "moeder van Isa", "ja", ("leesplezier", "ouderbetrokkenheid"), "havelte"),
    Q("voorleesuurtje", "Niet alleen komen onze kinderen op een laagdrempelige manier in aanraking "
      "met boeken, maar wij halen als mama's ook heel veel steun bij elkaar in de bibliotheek.",
      "Merel, moeder van Isa", "ja", ("ouderbetrokkenheid",), "havelte"),
    Q("voorleesuurtje", "Hij zat de hele tijd stil te luisteren. Dat doet hij thuis nooit.",
      "opa van Daan", "ja", ("luistervaardigheid",), "diever"),
    Q("voorleesuurtje", "Ik wist niet dat je al met een kindje van anderhalf kon voorlezen. "
      "Nu lees ik elke dag een boekje voor.", "vader van Noor", "ja",
      ("ouderbetrokkenheid", "leesplezier"), "vledder"),
    Q("voorleesuurtje", "Ze zegt nu 'krokodil' en 'olifant', dat komt echt van die boekjes.",
      "moeder van Fenna", "ja", ("woordenschat", "taalontwikkeling")),
    Q("voorleesuurtje", "Na het voorlezen wilde hij zelf het verhaal nog een keer vertellen, "
      "met een draak erbij.", "oma van Sem", "ja", ("fantasie",), review="new"),
    Q("voorleesuurtje", "We zijn net verhuisd en kennen hier nog bijna niemand. Dit uurtje is "
      "voor mij ook een beetje uit huis zijn.", "moeder van Jesse", "anoniem", ()),
    Q("voorleesuurtje", "De uitnodiging op de mat gaf de doorslag. Anders waren we nooit gekomen.",
      "vader van Lieke", "ja", ("ouderbetrokkenheid",), year_offset=-1),
    Q("kleintje-bieb", "Bij Boekjes & Brabbels zag ik pas hoe mijn baby naar de plaatjes kijkt.",
      "moeder van Mila", "ja", ("taalontwikkeling", "ouderbetrokkenheid")),
    Q("kleintje-bieb", "Zingen, een boekje en koffie. Meer heb je op dinsdagochtend niet nodig.",
      "moeder van Luuk", "ja", ("ouderbetrokkenheid",), review="new"),
    Q("boekstart-kinderopvang", "De kinderen pakken nu zelf een boekje uit de leeshoek en komen "
      "ermee naar ons toe.", "pedagogisch medewerker", "ja",
      ("deskundigheid-pedagogisch-medewerkers",)),
    Q("boekstart-kinderopvang", "Sinds de training lees ik anders voor: ik laat de kinderen veel "
      "meer zelf vertellen.", "voorleescoördinator kinderopvang", "ja",
      ("deskundigheid-pedagogisch-medewerkers",)),
    Q("boekstart-kinderopvang", "Ouders vragen bij het ophalen welk boek we vandaag gelezen "
      "hebben.", "pedagogisch medewerker", "ja", ("ouderbetrokkenheid",), year_offset=-1),
    Q("dbos-po", "Mijn klas vraagt zelf om het kwartier vrij lezen. Dat had ik twee jaar geleden "
      "niet gedacht.", "leerkracht groep 6", "ja", ("leesvaardigheid-leerlingen",)),
    Q("dbos-po", "Ik vond lezen saai, maar de boeken van de bibliotheekjuf zijn echt spannend.",
      "leerling groep 7, 10", "ja", ("leesvaardigheid-leerlingen",)),
    Q("dbos-po", "De leesmonitor laat zien waar we staan. Daar kunnen we echt mee aan de slag.",
      "leescoördinator basisschool", "ja", ("leesvaardigheid-leerlingen",), review="new"),
    Q("dbos-vo", "Spoken word is gewoon rap met een boek erbij. Ik heb thuis verder geschreven.",
      "leerling havo 3, 15", "ja", ("leesplezier-jongeren",)),
    Q("dbos-vo", "Voor het eerst heeft hij een boek uitgelezen dat hij zelf had gekozen.",
      "mentor havo 3", "anoniem", ("leesplezier-jongeren",)),
    Q("dbos-vo", "Het escapespel liet de klas voelen hoe het is als je niet goed kunt lezen.",
      "docent Nederlands", "ja", ("preventie-laaggeletterdheid",), year_offset=-1),
    # --- geletterdheid ---------------------------------------------------------------------
    Q("taalcafe", "Hier durf ik Nederlands te praten. Niemand lacht als ik een fout maak.",
      "deelnemer Taalcafé", "ja", ("basisvaardigheden-vergroot", "ontmoeting")),
    Q("taalcafe", "Ik heb hier mijn eerste vriendin in Nederland leren kennen.",
      "Amira, deelnemer Taalcafé", "ja", ("ontmoeting", "sociale-inclusie")),
    Q("taalcafe", "Nu kan ik zelf bellen met de school van mijn zoon.", "deelnemer Taalcafé, 38",
      "anoniem", ("zelfredzaamheid",)),
    Q("taalcafe", "Ik kom voor de taal, maar ik blijf voor de mensen.", "deelnemer Taalcafé",
      "ja", ("ontmoeting",), review="new"),
    Q("taalcafe", "Als vrijwilliger leer ik hier minstens zoveel als de deelnemers.",
      "vrijwilliger Taalcafé", "ja", ("ontmoeting",), year_offset=-1),
    Q("taalhuis", "Ik heb het veertig jaar verborgen gehouden. Nu leer ik eindelijk lezen.",
      "deelnemer Taalhuis, 52", "anoniem", ("basisvaardigheden-vergroot",)),
    Q("taalhuis", "Mijn kleinkind las mij altijd voor. Straks lees ik haar voor.",
      "deelnemer Taalhuis, 61", "nee", ("intergenerationele-overdracht",)),
    Q("taalhuis", "De huisarts stuurde mij hierheen. Ik schaamde me eerst, nu ben ik trots.",
      "deelnemer Taalhuis", "anoniem", ("zelfredzaamheid",), review="new"),
    Q("taalhuis", "Ik kan nu zelf de brieven van de gemeente lezen.", "deelnemer Taalhuis, 47",
      "nee", ("zelfredzaamheid",), year_offset=-1),
    # --- meedoen ---------------------------------------------------------------------------
    Q("klik-en-tik", "Ik heb mijn kleinzoon in Canada vanavond zelf een mail gestuurd!",
      "deelnemer Klik & Tik, 74", "ja", ("zelfstandig-email",)),
    Q("klik-en-tik", "Eerst durfde ik de muis niet aan te raken. Nu zoek ik zelf de "
      "dienstregeling op.", "deelnemer Klik & Tik, 79", "ja", ("zelfstandig-internet",)),
    Q("klik-en-tik", "Het tempo was precies goed. Niemand keek raar als ik iets twee keer vroeg.",
      "deelnemer Klik & Tik", "ja", ("digitale-vaardigheden",)),
    Q("klik-en-tik", "Sinds mijn man er niet meer is moet ik alles zelf. Deze cursus helpt.",
      "deelnemer Klik & Tik, 81", "nee", ("zelfredzaamheid",)),
    Q("klik-en-tik", "Ik heb een formulier van de woningbouw helemaal zelf ingevuld.",
      "Gerrit, deelnemer Klik & Tik", "ja", ("zelfstandig-internet", "zelfredzaamheid"),
      review="new"),
    Q("klik-en-tik", "We drinken na de les nog koffie samen. Zo ben ik ook onder de mensen.",
      "deelnemer Klik & Tik, 77", "ja", ("sociale-inclusie",), year_offset=-1),
    Q("digisterker", "Inloggen met DigiD leek me onmogelijk. Vandaag heb ik mijn toeslag zelf "
      "gecontroleerd.", "deelnemer Digisterker, 68", "ja", ("zelfstandig-digid",)),
    Q("digisterker", "Nu weet ik wat er in de Berichtenbox staat, in plaats van dat ik ervan "
      "wakker lig.", "deelnemer Digisterker", "anoniem", ("zelfstandig-digid", "zelfredzaamheid")),
    Q("digisterker", "De DigiD-app staat op mijn telefoon en ik weet hoe hij werkt.",
      "Jannie, deelnemer Digisterker, 72", "ja", ("zelfstandig-digid",)),
    Q("digisterker", "Mijn dochter hoeft niet meer voor elke brief langs te komen.",
      "deelnemer Digisterker, 80", "ja", ("zelfredzaamheid",), year_offset=-1),
    Q("digivitaler", "Ik vraag mijn herhaalrecept nu zelf aan via de app van de huisarts.",
      "deelnemer DigiVitaler, 76", "ja", ("zelfstandig-zorgportaal",), "havelte"),
    Q("digivitaler", "Dat er iemand van de praktijk bij de les was, gaf mij vertrouwen.",
      "deelnemer DigiVitaler", "ja", ("zelfstandig-zorgportaal",), "havelte"),
    Q("digivitaler", "Mijn uitslagen kon ik eerst niet vinden. Nu lees ik ze zelf in het "
      "portaal.", "deelnemer DigiVitaler, 70", "anoniem", ("zelfstandig-zorgportaal",),
      review="new"),
    Q("digivitaler", "Ik wil nu ook leren videobellen met de huisarts.", "deelnemer DigiVitaler",
      "ja", ("digitale-vaardigheden",), year_offset=-1),
    Q("ido-spreekuur", "Ik ben zo blij dat IDO er is. Iemand die tijd voor je heeft en naar je "
      "luistert. Ik wil een mens. Ik wil dat iemand naast me gaat zitten.",
      "Berend, bezoeker IDO", "ja", ("zelfredzaamheid",)),
    Q("ido-spreekuur", "Er komen veel vragen over DigiD bij ons binnen. Dat blijkt voor veel "
      "mensen een struikelblok om online zaken te regelen.", "IDO-medewerker", "ja",
      ("digitale-vaardigheden",)),
    Q("ido-spreekuur", "Mijn pensioenbrief begreep ik niet. Nu weet ik wat ik moet doen.",
      "bezoeker IDO, 69", "ja", ("zelfredzaamheid",)),
    Q("ido-spreekuur", "Ik had een boete van het CJIB en durfde niemand te bellen.",
      "bezoeker IDO", "nee", ("zelfredzaamheid",)),
    Q("ido-spreekuur", "Ze hebben me doorverwezen naar het Geldpunt. Daar ben ik echt verder "
      "geholpen.", "bezoeker IDO, 58", "anoniem", ("sociale-inclusie",), review="new"),
    Q("ido-spreekuur", "Bij de bank kon ik niet meer terecht. Hier wel.", "bezoeker IDO, 83",
      "ja", ("zelfredzaamheid",), year_offset=-1),
    Q("belastingspreekuur", "Voor het eerst op tijd mijn aangifte gedaan, en ik krijg nog geld "
      "terug ook.", "bezoeker belastingspreekuur, 71", "ja", ("zelfredzaamheid",)),
    Q("belastingspreekuur", "Sinds mijn vrouw overleden is deed ik niets met de belasting. Ik "
      "was bang.", "bezoeker belastingspreekuur", "nee", ("zelfredzaamheid",)),
    Q("leerplein", "Op het Leerplein leer ik precies wat ik wil: foto's van mijn telefoon naar "
      "de computer.", "bezoeker Leerplein, 66", "ja", ("digitale-vaardigheden",), "vledder"),
    Q("leerplein", "Geen cursus, geen huiswerk. Gewoon aanschuiven en vragen.",
      "bezoeker Leerplein", "ja", ("digitale-vaardigheden", "zelfredzaamheid"), "vledder"),
    Q("leerplein", "De vrijwilligers van SeniorWeb hebben eindeloos geduld.",
      "bezoeker Leerplein, 73", "ja", ("digitale-vaardigheden",), review="new"),
    Q("basisvaardigheden", "Ik reken nu zelf uit wat ik per week kan uitgeven.",
      "deelnemer basisvaardigheden", "anoniem", ("zelfredzaamheid",)),
    Q("verhalenbrink", "Zoveel verhalen over ons dorp die ik nog nooit gehoord had.",
      "deelnemer Verhalenbrink, 82", "ja", ("lokale-historie", "verbinding")),
    # --- leven lang ontwikkelen ------------------------------------------------------------
    Q("lezing", "Ik ben de volgende dag meteen het Holtingerveld in gegaan om de leestekens te "
      "zoeken.", "bezoeker boekpresentatie", "ja", ("inspiratie-creativiteit", "kennisdeling"),
      "havelte"),
    Q("lezing", "Een schrijfster uit je eigen dorp, dat maakt het lezen extra spannend.",
      "bezoeker boekpresentatie, 64", "ja", ("leesplezier",), "diever"),
    Q("lezing", "Ik heb het boek gelijk gereserveerd. Er staan nog veertien mensen voor me.",
      "bezoeker lezing", "ja", ("meer-lezen",), review="new"),
    Q("lezing", "Goede avond, en ik zat naast iemand die ik dertig jaar niet gezien had.",
      "bezoeker lezing, 71", "ja", ("ontmoeting",), year_offset=-1),
    Q("workshop", "Mijn dochter heeft thuis de hele keukentafel vol gezet met experimenten.",
      "moeder van Sara", "ja", ("inspiratie-creativiteit",)),
    Q("workshop", "Eindelijk orde op mijn telefoon. En het was ook nog gezellig.",
      "deelnemer workshop Vrouwen van Nu", "ja", ("persoonlijke-ontwikkeling",), "dwingeloo"),
    Q("biebfabriek", "Mijn robot deed eerst alles verkeerd, maar nu rijdt hij om de tafel heen!",
      "Thijs, deelnemer BiebFabriek, 9", "ja", ("21e-eeuwse-vaardigheden",), "havelte"),
    Q("biebfabriek", "Hij praat thuis alleen nog maar over programmeren.", "vader van Thijs",
      "ja", ("digitale-geletterdheid", "inspiratie-creativiteit"), "havelte"),
    Q("biebfabriek", "Samen bouwen is moeilijker dan alleen, maar wel leuker.",
      "deelnemer BiebFabriek, 11", "ja", ("21e-eeuwse-vaardigheden",), year_offset=-1),
    Q("coderdojo", "Ik heb een spel gemaakt waarin een kat vissen vangt. Mijn broertje speelt het "
      "elke dag.", "deelnemer CoderDojo, 10", "ja", ("digitale-geletterdheid",)),
    Q("coderdojo", "Mijn zoon is niet zo'n prater, maar hier helpt hij andere kinderen.",
      "moeder van Milan", "anoniem", ("21e-eeuwse-vaardigheden",), review="new"),
    Q("makersplaats", "Met de 3D-printer heb ik een nieuw onderdeel voor mijn stofzuiger gemaakt.",
      "bezoeker Makersplaats, 58", "ja", ("inspiratie-creativiteit", "21e-eeuwse-vaardigheden")),
    Q("makersplaats", "Jong en oud aan één tafel met een soldeerbout. Dat zie je nergens anders.",
      "vrijwilliger Makersplaats", "ja", ("ontmoeting",)),
    Q("samenlezen", "Een gedicht samen lezen raakt je anders dan alleen op de bank.",
      "deelnemer Samenlezen, 83", "ja", ("leesplezier", "ontmoeting"), "havelte"),
    Q("samenlezen", "Op de eerste maandag van de maand heb ik iets om naar uit te kijken.",
      "deelnemer Samenlezen", "nee", ("ontmoeting",), "havelte"),
    Q("samenlezen", "Ik ben 25 en zat naast een dame van 83. We hadden het over hetzelfde verhaal.",
      "deelnemer Samenlezen, 25", "ja", ("sociale-cohesie",), "havelte", year_offset=-1),
    Q("drents-veurlezen", "Want 't Drèents, dat is een mooie taol. Ik heur mien moeke weer "
      "praot'n.", "deelnemer Drents veurlezen, 86", "ja", ("lokale-historie", "leesplezier"),
      "vledder"),
    Q("drents-veurlezen", "Mijn kleinkinderen verstaan het niet meer. Hier wordt het bewaard.",
      "deelnemer Drents veurlezen", "ja", ("lokale-historie",), "dwingeloo"),
    Q("breicafe", "Ik brei al zestig jaar, maar hier leer ik nog steeds nieuwe steken.",
      "deelnemer Breicafé, 79", "ja", ("kennisdeling",)),
    Q("breicafe", "Na het overlijden van mijn man kwam ik de deur niet meer uit. Nu elke "
      "woensdag.", "deelnemer Breicafé", "anoniem", ("ontmoeting", "sociale-cohesie")),
    Q("breicafe", "We breien mutsen voor de kraamzorg. Zo doen we ook nog iets voor een ander.",
      "deelnemer Breicafé, 71", "ja", ("sociale-cohesie",), review="new", year_offset=-1),
    Q("knutseluurtje", "Ze heeft een fantasiedier gemaakt en het staat nu in de bibliotheek. "
      "Ze is zo trots!", "moeder van Evi", "ja", ("inspiratie-creativiteit",)),
    Q("platformactiviteit", "Mooi dat onze schilderclub hier mag exposeren. Er komen mensen "
      "die nooit in een galerie komen.", "lid schilderclub", "ja", ("community-vorming",)),
    Q("platformactiviteit", "De bibliotheek is echt de huiskamer van het dorp geworden.",
      "bezoeker, 67", "ja", ("sociale-cohesie",), year_offset=-1),
)  # fmt: skip

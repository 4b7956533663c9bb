/*
 * Dutch interface strings (language level B1: short sentences, plain words).
 */
#include "i18n.h"

const char *const msg_nl[MSG__MAX] = {
	[MSG_site_name] = "Bron",
	[MSG_site_tagline] = "Samen leren voor de best passende hulp aan jongeren",
	[MSG_skip_link] = "Direct naar de inhoud",
	[MSG_nav_label] = "Hoofdmenu",
	[MSG_nav_home] = "Home",
	[MSG_nav_articles] = "Artikelen",
	[MSG_nav_pilots] = "Pilots",
	[MSG_nav_masterminds] = "Masterminds",
	[MSG_nav_stories] = "Verhalen",
	[MSG_nav_resources] = "Bronnen",
	[MSG_nav_communities] = "Gemeenschappen",
	[MSG_nav_themes] = "Thema's",
	[MSG_nav_monitor] = "Monitor",
	[MSG_nav_search] = "Zoeken",
	[MSG_lang_label] = "Taal",
	[MSG_lang_other_name] = "English",
	[MSG_lang_other_code] = "en",
	[MSG_lang_code] = "nl",
	[MSG_footer_label] = "Over deze site",
	[MSG_footer_about] = "Over Bron",
	[MSG_footer_accessibility] = "Toegankelijkheid",
	[MSG_footer_privacy] = "Privacy",
	[MSG_footer_text] = "Bron is het leernetwerk van een programma voor "
	    "betere jeugdhulp. Professionals, ervaringsdeskundigen en de "
	    "redactie delen hier wat werkt.",
	[MSG_footer_help_title] = "Praten met iemand?",
	[MSG_footer_help] = "Denk je aan zelfdoding? Bel 113 of gratis "
	    "0800-0113 (113 Zelfmoordpreventie). Ben je jonger dan 18? "
	    "Bel De Kindertelefoon: 0800-0432. In nood bel je 112.",
	[MSG_home_title] = "Samen leren voor de best passende hulp",
	[MSG_home_lead] = "Kwetsbare jongeren moeten eerder en sneller de "
	    "hulp krijgen die bij hen past. Het liefst thuis of dichtbij "
	    "huis.",
	[MSG_home_intro] = "Bron is de plek waar mensen uit de jeugdhulp en "
	    "het onderwijs van elkaar leren. Het doel: minder gesloten "
	    "plaatsingen, geen gedwongen afzondering meer en minder "
	    "zelfdoding onder jongeren. Hier vind je lessen uit de praktijk, "
	    "pilots, verslagen van masterminds, verhalen van "
	    "ervaringsdeskundigen en publicaties.",
	[MSG_home_for_title] = "Voor wie is Bron?",
	[MSG_home_for_prof] = "Professionals: deel wat je leert in je werk "
	    "en doe mee in gemeenschappen.",
	[MSG_home_for_expert] = "Ervaringsdeskundigen: vertel je verhaal. "
	    "Jij bepaalt wie het ziet, en je kunt het altijd terugtrekken.",
	[MSG_home_for_editor] = "Redactie van het programma: publiceer "
	    "bronnen en houd de monitor bij.",
	[MSG_home_for_visitor] = "Iedereen: lees alles wat openbaar is, "
	    "zonder account.",
	[MSG_home_latest_title] = "Nieuw op Bron",
	[MSG_home_latest_intro] = "De nieuwste bijdragen per soort.",
	[MSG_home_more] = "Bekijk alles",
	[MSG_kind_artikel] = "Artikelen",
	[MSG_kind_pilot] = "Pilots",
	[MSG_kind_mastermind] = "Masterminds",
	[MSG_kind_verhaal] = "Verhalen",
	[MSG_kind_bron] = "Bronnen",
	[MSG_intro_artikel] = "Kennisartikelen: lessen uit de praktijk, "
	    "geschreven door professionals en gecontroleerd door de "
	    "redactie.",
	[MSG_intro_pilot] = "Pilots en praktijkvoorbeelden: wat is waar "
	    "geprobeerd, wat werkte en wat kun jij ervan gebruiken?",
	[MSG_intro_mastermind] = "Verslagen van mastermindsessies: de vraag, "
	    "de inzichten en de afspraken.",
	[MSG_intro_verhaal] = "Verhalen van ervaringsdeskundigen. Zij "
	    "bepalen zelf wat ze delen en met wie.",
	[MSG_intro_bron] = "Publicaties en hulpmiddelen van het programma, "
	    "zoals boekjes en sjablonen.",
	[MSG_empty_artikel] = "Er zijn nog geen artikelen gepubliceerd. "
	    "Zodra er een is, staat het hier.",
	[MSG_empty_pilot] = "Er zijn nog geen pilots beschreven. Zodra er "
	    "een is, staat die hier.",
	[MSG_empty_mastermind] = "Er zijn nog geen verslagen van "
	    "masterminds. Zodra er een is, staat het hier.",
	[MSG_empty_verhaal] = "Er zijn nog geen verhalen gedeeld. Zodra er "
	    "een is, staat het hier.",
	[MSG_empty_bron] = "Er zijn nog geen bronnen gepubliceerd. Zodra er "
	    "een is, staat die hier.",
	[MSG_all_artikel] = "Alle artikelen",
	[MSG_all_pilot] = "Alle pilots",
	[MSG_all_mastermind] = "Alle masterminds",
	[MSG_all_verhaal] = "Alle verhalen",
	[MSG_all_bron] = "Alle bronnen",
	[MSG_published_on] = "Gepubliceerd op",
	[MSG_summary_label] = "In het kort",
	[MSG_communities_intro] = "Gemeenschappen zijn groepen waarin "
	    "mensen samen leren over een onderwerp.",
	[MSG_communities_empty] = "Er zijn nog geen openbare "
	    "gemeenschappen. Zodra er een is, staat die hier.",
	[MSG_community_open] = "Iedereen kan lid worden",
	[MSG_community_request] = "Lid worden op aanvraag",
	[MSG_community_invite] = "Alleen op uitnodiging",
	[MSG_themes_intro] = "De thema's van het programma. Op elke "
	    "themapagina vind je alles wat erover op Bron staat.",
	[MSG_themes_empty] = "Er zijn nog geen thema's.",
	[MSG_theme_items_title] = "Op Bron over dit thema",
	[MSG_theme_items_empty] = "Er staat nog niets over dit thema op "
	    "Bron.",
	[MSG_monitor_title] = "Monitor van de veranderopgaven",
	[MSG_monitor_intro] = "Het programma werkt aan twee snelle en een "
	    "aantal lange veranderopgaven. Hier volg je hoe het ermee gaat.",
	[MSG_monitor_fast] = "Snelle veranderopgaven",
	[MSG_monitor_long] = "Veranderopgaven voor de lange termijn",
	[MSG_monitor_empty] = "Er zijn nog geen veranderopgaven ingevoerd.",
	[MSG_monitor_back] = "Terug naar de monitor",
	[MSG_monitor_theme] = "Thema",
	[MSG_search_intro] = "Zoek in alles wat openbaar is op Bron.",
	[MSG_search_label] = "Waar zoek je naar?",
	[MSG_search_hint] = "Bijvoorbeeld: kleinschalig, afzondering of "
	    "onderwijs.",
	[MSG_search_button] = "Zoeken",
	[MSG_search_prompt] = "Typ een of meer woorden en kies Zoeken.",
	[MSG_search_none] = "We vonden niets voor \xe2\x80\x9c%s\xe2\x80\x9d. "
	    "Probeer een ander woord.",
	[MSG_search_count] = "Aantal resultaten voor \xe2\x80\x9c%s\xe2\x80\x9d: "
	    "%d",
	[MSG_search_too_long] = "Je zoekvraag is te lang. Gebruik minder "
	    "dan 200 tekens.",
	[MSG_err_home_link] = "Naar de homepage",
	[MSG_err_404_title] = "Deze pagina bestaat niet",
	[MSG_err_404_text] = "We kunnen deze pagina niet vinden. Misschien "
	    "is het adres verkeerd, of is de pagina weg.",
	[MSG_err_405_title] = "Dit kan hier niet",
	[MSG_err_405_text] = "Deze pagina ondersteunt deze actie niet. Ga "
	    "terug en probeer het opnieuw.",
	[MSG_err_409_title] = "Dit kan nu niet",
	[MSG_err_409_text] = "Iemand heeft dit intussen veranderd, of het staat al zo. Laad de pagina opnieuw en kijk of je actie nog nodig is.",
	[MSG_nav_my_articles] = "Mijn bijdragen",
	[MSG_pager_label] = "Pagina's",
	[MSG_pager_page_word] = "Pagina",
	[MSG_pager_page_of] = "Pagina %s van %s",
	[MSG_pager_prev] = "Vorige",
	[MSG_pager_next] = "Volgende",
	[MSG_nav_moderation] = "Moderatie",
	[MSG_nav_redactie] = "Redactie",
	[MSG_err_413_title] = "Dat is te groot",
	[MSG_err_413_text] = "Wat je stuurde is groter dan Bron aankan. "
	    "Maak het kleiner en probeer het opnieuw.",
	[MSG_err_500_title] = "Er ging iets mis",
	[MSG_err_500_text] = "Er ging iets mis aan onze kant. Het is niet "
	    "jouw fout. Probeer het later opnieuw.",
	[MSG_err_503_title] = "Bron is even niet bereikbaar",
	[MSG_err_503_text] = "Het is nu te druk, of we zijn aan het "
	    "onderhouden. Probeer het over een minuut opnieuw.",
	[MSG_err_400_title] = "Dit verzoek klopt niet",
	[MSG_err_400_text] = "Bron begreep dit verzoek niet. Controleer "
	    "het adres en probeer het opnieuw.",
	[MSG_err_403_title] = "Geen toegang",
	[MSG_err_403_text] = "Deze actie is niet toegestaan. Ga terug naar "
	    "de pagina en probeer het opnieuw.",
	[MSG_page_back_home] = "Terug naar home",
	[MSG_search_type_page] = "Pagina",
	[MSG_search_bad_chars] = "Je zoekvraag bevat tekens die Bron niet kan lezen. Typ hem opnieuw.",
	[MSG_err_too_many_args] = "Dit adres heeft te veel onderdelen. Gebruik het zoekveld op deze pagina.",
#include "msg_auth_nl.inc"
#include "msg_account_nl.inc"
#include "msg_admin_nl.inc"
#include "msg_reset_nl.inc"
#include "msg_privacy_nl.inc"
#include "msg_edit_nl.inc"
#include "msg_flow_nl.inc"
#include "msg_article_nl.inc"
#include "msg_theme_nl.inc"
#include "msg_community_nl.inc"
#include "msg_topic_nl.inc"
#include "msg_notify_nl.inc"
#include "msg_moderation_nl.inc"
#include "msg_pilotfield_nl.inc"
#include "msg_pilotedit_nl.inc"
#include "msg_pilot_nl.inc"
#include "msg_pilotlist_nl.inc"
#include "msg_mmfield_nl.inc"
#include "msg_mmseries_nl.inc"
#include "msg_mmsession_nl.inc"
#include "msg_mmflow_nl.inc"
#include "msg_storyfield_nl.inc"
#include "msg_storyedit_nl.inc"
#include "msg_storyread_nl.inc"
#include "msg_storyflow_nl.inc"
#include "msg_storyextra_nl.inc"
#include "msg_resfield_nl.inc"
#include "msg_resedit_nl.inc"
#include "msg_resshow_nl.inc"
#include "msg_upload_nl.inc"
#include "msg_search_nl.inc"
#include "msg_synonym_nl.inc"
};

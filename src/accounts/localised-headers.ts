/**
 * The column headers of CRM exports in the languages the reply classifier reads (German,
 * French, Spanish, Dutch, Italian, Portuguese, Polish), as `columnKey` folds them (lower
 * case, accents dropped and `ß` as `ss`, spaces and punctuation as `_`: `Anzahl der Mitarbeiter` →
 * `anzahl_der_mitarbeiter`, `Número de empleados` → `numero_de_empleados`). A CRM used in
 * German writes `Firmenname;Branche;Anzahl Mitarbeiter;Jahresumsatz;Land`: read only in
 * English, every row of such an export was refused for having no `name` column.
 *
 * Each word is one a CRM or a hand-kept sheet in that language uses for the column, and
 * means that column in every list: `Land` is a country in German and Dutch alike. Words
 * that mean something else in another list or language are left out (`Nom` is a person's
 * surname in a French contact list, `Estado` a status as often as a state).
 */

/** The company's name, read as an account's `name` and a contact's `company`. */
export const LOCALISED_COMPANY_NAMES: readonly string[] = [
  // German (Salesforce `Accountname`, HubSpot `Name des Unternehmens`)
  'firmenname', 'firma', 'unternehmen', 'unternehmensname', 'name_des_unternehmens', 'accountname', 'organisationsname',
  // French (Salesforce `Nom du compte`, HubSpot `Nom de l'entreprise`)
  'entreprise', 'societe', 'nom_de_l_entreprise', 'nom_de_la_societe', 'nom_du_compte', 'nom_entreprise', 'raison_sociale',
  // Spanish (Salesforce `Nombre de la cuenta`, HubSpot `Nombre de la empresa`)
  'empresa', 'compania', 'nombre_de_la_empresa', 'nombre_de_empresa', 'nombre_empresa', 'nombre_de_la_cuenta', 'razon_social', 'organizacion',
  // Dutch (HubSpot `Bedrijfsnaam`)
  'bedrijf', 'bedrijfsnaam', 'organisatie', 'organisatienaam', 'accountnaam',
  // Italian (Salesforce `Nome account`, HubSpot `Nome dell'azienda`)
  'azienda', 'nome_azienda', 'nome_dell_azienda', 'nome_account', 'ragione_sociale', 'organizzazione',
  // Portuguese (Salesforce `Nome da conta`, HubSpot `Nome da empresa`)
  'nome_da_empresa', 'nome_da_conta', 'razao_social', 'organizacao',
  // Polish
  'nazwa_firmy', 'nazwa_konta', 'organizacja', 'nazwa_organizacji',
];

/** The company columns other than its name, by field: read alike in account and contact lists. */
const COMPANY_COLUMNS: Record<string, readonly string[]> = {
  domain: [
    'webseite', 'homepage', 'internetseite', 'domain_name_des_unternehmens', 'unternehmensdomain',
    'site_web', 'site_internet', 'url_du_site_web', 'nom_de_domaine_de_l_entreprise', 'nom_de_domaine',
    'sitio_web', 'pagina_web', 'nombre_de_dominio_de_la_empresa', 'dominio',
    'bedrijfsdomeinnaam', 'domeinnaam',
    'sito_web', 'sito_internet', 'nome_di_dominio_dell_azienda',
    'site_da_empresa', 'nome_de_dominio_da_empresa', 'dominio_da_empresa',
    'strona_www', 'strona_internetowa', 'witryna', 'domena',
  ],
  industry: [
    'branche', 'industrie', 'wirtschaftszweig',
    'secteur', 'secteur_d_activite', 'secteur_activite',
    'sector', 'industria', 'sector_industrial',
    'bedrijfstak',
    'settore',
    'setor', 'industria_setor', 'ramo_de_atividade',
    'branza', 'sektor',
  ],
  employees: [
    'mitarbeiter', 'anzahl_mitarbeiter', 'anzahl_der_mitarbeiter', 'mitarbeiteranzahl', 'mitarbeiterzahl', 'beschaftigte', 'anzahl_beschaftigte', 'unternehmensgrosse', 'firmengrosse',
    'effectif', 'effectifs', 'nombre_d_employes', 'nombre_de_salaries', 'employes', 'salaries', 'taille_de_l_entreprise',
    'empleados', 'numero_de_empleados', 'tamano_de_la_empresa', 'plantilla',
    'medewerkers', 'aantal_medewerkers', 'aantal_werknemers', 'werknemers', 'bedrijfsgrootte',
    'dipendenti', 'numero_di_dipendenti', 'numero_dipendenti', 'dimensione_azienda',
    'funcionarios', 'numero_de_funcionarios', 'colaboradores', 'numero_de_colaboradores', 'tamanho_da_empresa',
    'pracownicy', 'liczba_pracownikow', 'wielkosc_firmy', 'zatrudnienie',
  ],
  revenue: [
    'umsatz', 'jahresumsatz', 'jahrlicher_umsatz',
    'chiffre_d_affaires', 'chiffre_d_affaires_annuel', 'ca_annuel', 'revenu_annuel',
    'ingresos_anuales', 'ingresos', 'facturacion', 'facturacion_anual', 'ventas_anuales',
    'omzet', 'jaaromzet', 'jaarlijkse_omzet',
    'fatturato', 'fatturato_annuo', 'fatturato_annuale', 'ricavi_annuali', 'entrate_annuali',
    'faturamento', 'faturamento_anual', 'receita_anual', 'faturacao', 'faturacao_anual', 'volume_de_negocios',
    'przychod', 'przychody', 'roczny_przychod', 'roczne_przychody', 'obrot',
  ],
  geography: [
    'land', 'land_region', 'rechnungsland', 'lieferland', 'standort', 'hauptsitz',
    'pays', 'pays_region', 'pays_de_facturation',
    'pais', 'pais_region', 'pais_de_facturacion',
    'land_regio', 'vestigingsland',
    'paese', 'nazione', 'paese_regione', 'paese_di_fatturazione',
    'pais_regiao', 'pais_de_faturamento',
    'kraj', 'kraj_region',
  ],
  state: [
    'bundesland', 'bundesland_region', 'bundesland_kanton_region', 'kanton',
    'etat_region', 'etat_province',
    'estado_region', 'estado_provincia', 'provincia',
    'provincie', 'staat_regio', 'provincie_regio',
    'stato_regione', 'regione_provincia',
    'estado_regiao', 'uf',
    'wojewodztwo', 'wojewodztwo_region',
  ],
  address: ['adresse', 'anschrift', 'firmenadresse', 'adresse_de_facturation', 'direccion', 'adres', 'indirizzo', 'endereco', 'morada'],
  technologies: ['technologien', 'technologies_utilisees', 'tecnologias', 'technologieen', 'tecnologie', 'technologie', 'technologia'],
  // A hand-kept sheet's buying signals (`Señales`, `Signaux`): unread, every account's intent was 0.
  signals: ['signale', 'signaux', 'senales', 'signalen', 'segnali', 'sinais', 'sygnaly'],
};

/** The company columns of every language above, each as the field it is read as (`jahresumsatz` → `revenue`). */
export const LOCALISED_COMPANY_SPELLINGS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COMPANY_COLUMNS).flatMap(([field, spellings]) => spellings.map((spelling) => [spelling, field])),
);

/**
 * A contact's own columns (`Ansprechpartner`, `Vorname`, `Position`, `E-Mail`), as CRMs in
 * these languages export a person: Salesforce's `Prénom`/`Nom`, HubSpot's `Voornaam`/`Achternaam`.
 * Only read in contact lists: in an account list they are the contact's, not the company's.
 */
export const LOCALISED_CONTACT_SPELLINGS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    name: ['ansprechpartner', 'kontaktname', 'kontaktperson', 'nom_complet', 'nombre_completo', 'contactpersoon', 'volledige_naam', 'referente', 'nome_completo', 'osoba_kontaktowa', 'imie_i_nazwisko'],
    first_name: ['vorname', 'prenom', 'nombre', 'voornaam', 'nome', 'primeiro_nome', 'imie'],
    last_name: ['nachname', 'familienname', 'nom', 'nom_de_famille', 'apellido', 'apellidos', 'achternaam', 'cognome', 'sobrenome', 'ultimo_nome', 'nazwisko'],
    title: ['funktion', 'berufsbezeichnung', 'jobtitel', 'poste', 'fonction', 'titre', 'intitule_du_poste', 'cargo', 'puesto', 'functie', 'functietitel', 'ruolo', 'qualifica', 'posizione', 'stanowisko'],
    email: ['e_mail_adresse', 'emailadresse', 'adresse_e_mail', 'courriel', 'correo', 'correo_electronico', 'e_mailadres', 'indirizzo_email', 'indirizzo_e_mail', 'endereco_de_e_mail', 'adres_e_mail'],
  }).flatMap(([field, spellings]) => spellings.map((spelling) => [spelling, field])),
);

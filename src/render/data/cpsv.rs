//! The services as CPSV-AP 3.2.0 (the EU's Core Public Service Vocabulary Application Profile,
//! which Norway's CPSV-AP-NO builds on): one graph, written as Turtle and as JSON-LD by the same
//! crate, so both files hold the same triples.
//!
//! Every node is named below `<portal>/data/services` (`#service-<slug>`, `#municipality`…), the
//! one resource both files represent: harvesters need names that stay the same from one build to
//! the next, and the portal's address is the only one torg knows. Without that address the files
//! name their nodes relative to themselves (`services#service-<slug>`), which a reader resolves
//! against wherever it fetched them from, as it does the sitemap's paths. Each fact comes from the
//! content; what it does not say (a phone number, a price) is left out, never filled in.

use std::collections::HashMap;

use oxjsonld::JsonLdSerializer;
use oxrdf::vocab::{rdf, xsd};
use oxrdf::{Literal, NamedNode, Term, TripleRef};
use oxttl::TurtleSerializer;

use super::{Context, iso_date};
use crate::config::Urls;
use crate::content::licence::licence_address;
use crate::content::model::{Contact, Cost, Hours, Service, When};
use crate::diagnostic::Diagnostic;
use crate::markdown::slugify;
use crate::render::service::{cost_text, hours_line};
use crate::route::{self, Export, Route};

const CPSV: &str = "http://purl.org/vocab/cpsv#";
const CV: &str = "http://data.europa.eu/m8g/";
const DCT: &str = "http://purl.org/dc/terms/";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const FOAF: &str = "http://xmlns.com/foaf/0.1/";
const LOCN: &str = "http://www.w3.org/ns/locn#";
const ORG: &str = "http://www.w3.org/ns/org#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const TIME: &str = "http://www.w3.org/2006/time#";
const SCHEMA: &str = "https://schema.org/";
/// The EU Publications Office's authority tables, which CPSV-AP recommends for languages and
/// currencies.
const EU_LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";
const EU_CURRENCY: &str = "http://publications.europa.eu/resource/authority/currency/";

/// The prefixes both files declare, so that the Turtle reads as the specification's examples do.
const PREFIXES: [(&str, &str); 11] = [
    ("cpsv", CPSV),
    ("cv", CV),
    ("dct", DCT),
    ("dcat", DCAT),
    ("foaf", FOAF),
    ("locn", LOCN),
    ("org", ORG),
    ("schema", SCHEMA),
    ("skos", SKOS),
    ("time", TIME),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The codes of `languages:` (those with a `spoken-<code>` name in locales/) and of the portal's
/// languages, as the EU's language table writes them. A code not listed is left out of the export.
const LANGUAGE_CODES: [(&str, &str); 12] = [
    ("ar", "ARA"),
    ("en", "ENG"),
    ("fa", "FAS"),
    ("ku", "KUR"),
    ("lt", "LIT"),
    ("nb", "NOB"),
    ("pl", "POL"),
    ("prs", "PRS"),
    ("ru", "RUS"),
    ("so", "SOM"),
    ("ti", "TIR"),
    ("uk", "UKR"),
];

/// A term of one of the vocabularies above.
fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

/// What the addresses of a portal without one start with while the graph is made: a scheme of
/// its own, so that only the portal's addresses, never another site's, are written relative to
/// the file's own address. The files never show it.
const NO_ADDRESS: &str = "torg-unpublished:";

/// The triples of the export, each subject's together (in the order subjects first appear) so
/// that the Turtle reads as one block per thing.
#[derive(Default)]
pub(super) struct Graph {
    /// Each subject with its predicates and objects.
    subjects: Vec<(NamedNode, Vec<(NamedNode, Term)>)>,
    /// A subject's place in `subjects`.
    index: HashMap<NamedNode, usize>,
    /// The files' own address on [`NO_ADDRESS`] when the portal has none of its own: every name
    /// is written relative to it.
    relative_to: Option<String>,
}

impl Graph {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        let i = match self.subjects.last() {
            // Most statements follow one about the same subject: no look-up for those.
            Some((last, _)) if last == s => self.subjects.len() - 1,
            _ => self.place(s),
        };
        self.subjects[i].1.push((p, o.into()));
    }

    /// Where the statements about `s` are, made on its first use.
    fn place(&mut self, s: &NamedNode) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.index.insert(s.clone(), self.subjects.len());
        self.subjects.push((s.clone(), Vec::new()));
        self.subjects.len() - 1
    }

    /// Whether nothing is said of `s` yet: a node that many refer to (a language, a provider)
    /// is described only the first time.
    fn is_new(&self, s: &NamedNode) -> bool {
        !self.index.contains_key(s)
    }

    /// `s dct:identifier "<s>"`: CPSV-AP asks for an identifier, and a node's IRI is the only
    /// one torg has (it invents none); without the portal's address, the name after `#`, which
    /// is unique in the file.
    fn identify(&mut self, s: &NamedNode) {
        let iri = s.as_str();
        let id = match &self.relative_to {
            Some(_) => iri.rsplit_once('#').map_or(iri, |(_, name)| name),
            None => iri,
        };
        let id = Literal::new_simple_literal(id);
        self.add(s, term(DCT, "identifier"), id);
    }

    fn triples(&self) -> impl Iterator<Item = TripleRef<'_>> {
        self.subjects.iter().flat_map(|(s, statements)| {
            statements
                .iter()
                .map(move |(p, o)| TripleRef::new(s.as_ref(), p.as_ref(), o.as_ref()))
        })
    }

    /// `s a class1, class2…`.
    fn types(&mut self, s: &NamedNode, classes: &[(&str, &str)]) {
        for (ns, local) in classes {
            self.add(s, rdf::TYPE.into_owned(), term(ns, local));
        }
    }

    /// The graph in Turtle.
    pub(super) fn turtle(&self) -> std::io::Result<Vec<u8>> {
        let mut serializer = TurtleSerializer::new();
        if let Some(base) = &self.relative_to {
            serializer = serializer.with_base_iri(base).map_err(io_error)?;
        }
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(prefix, iri).map_err(io_error)?;
        }
        let mut writer = serializer.for_writer(Vec::new());
        for t in self.triples() {
            writer.serialize_triple(t)?;
        }
        let turtle = writer.finish()?;
        self.without_base(turtle, |base| format!("@base <{base}> .\n"))
    }

    /// The graph in JSON-LD.
    pub(super) fn json_ld(&self) -> std::io::Result<Vec<u8>> {
        let mut serializer = JsonLdSerializer::new();
        if let Some(base) = &self.relative_to {
            serializer = serializer.with_base_iri(base).map_err(io_error)?;
        }
        for (prefix, iri) in PREFIXES {
            serializer = serializer.with_prefix(prefix, iri).map_err(io_error)?;
        }
        let mut writer = serializer.for_writer(Vec::new());
        for t in self.triples() {
            writer.serialize_quad(t.in_graph(oxrdf::GraphNameRef::DefaultGraph))?;
        }
        let json = writer.finish()?;
        self.without_base(json, |base| format!("\"@base\":\"{base}\","))
    }

    /// `file` without the declaration of [`NO_ADDRESS`] the serialiser wrote (`declaration`
    /// gives its exact text), so that it names its nodes relative to its own address. Fails
    /// rather than publish an address with that made-up scheme.
    fn without_base(
        &self,
        file: Vec<u8>,
        declaration: impl Fn(&str) -> String,
    ) -> std::io::Result<Vec<u8>> {
        let Some(base) = &self.relative_to else {
            return Ok(file);
        };
        let text = String::from_utf8(file).map_err(io_error)?;
        let text = text.replacen(&declaration(base), "", 1);
        if text.contains(NO_ADDRESS) {
            return Err(std::io::Error::other(format!(
                "an address starting with {NO_ADDRESS} was left in the file"
            )));
        }
        Ok(text.into_bytes())
    }
}

fn io_error(e: impl std::error::Error + Send + Sync + 'static) -> std::io::Error {
    std::io::Error::other(e)
}

/// Names nodes below the dataset's address, reporting an address that is no IRI against
/// `site.yaml` (a base URL with a space, say).
struct Names<'a> {
    ctx: &'a Context<'a>,
    dataset: String,
}

impl Names<'_> {
    fn iri(&self, text: String) -> Result<NamedNode, Diagnostic> {
        NamedNode::new(text.as_str()).map_err(|e| {
            Diagnostic::error(
                "invalid-value",
                &crate::layout::site_file(&self.ctx.site.dir),
                format!("`{text}` cannot be written into the open data as an address: {e}."),
            )
            .hint("Check `base_url` in site.yaml, or --base-url: it must be a plain web address.")
        })
    }

    /// `<portal>/data/services#<local>`.
    fn node(&self, local: &str) -> Result<NamedNode, Diagnostic> {
        self.iri(format!("{}#{local}", self.dataset))
    }

    /// The address of a file of the output folder.
    fn address(&self, file: &str) -> String {
        address(self.ctx.urls, file)
    }
}

/// The address of a file of the output folder: below the portal's address when it has one, its
/// path after [`NO_ADDRESS`] otherwise.
fn address(urls: &Urls, file: &str) -> String {
    match urls.absolute_root {
        Some(_) => urls.absolute(file),
        None => format!("{NO_ADDRESS}{}", urls.path(file)),
    }
}

/// The CPSV-AP graph of a portal's services.
pub(super) fn graph(ctx: &Context) -> Result<Graph, Diagnostic> {
    let slug = &ctx.site.slug;
    let names = Names {
        ctx,
        dataset: address(ctx.urls, &route::services_dataset(slug)),
    };
    let unpublished = ctx.urls.absolute_root.is_none();
    let mut g = Graph {
        relative_to: unpublished
            .then(|| address(ctx.urls, &Export::ServicesTurtle.output_file(slug))),
        ..Graph::default()
    };
    let dataset = names.iri(names.dataset.clone())?;
    let municipality = names.node("municipality")?;
    let area = names.node("area")?;
    describe_dataset(ctx, &mut g, &dataset, &municipality, &area);
    describe_organisation(ctx, &mut g, &municipality, &ctx.site.config.name, &area);
    if !ctx.site.config.contact.is_empty() {
        let point = names.node("municipality-contact")?;
        g.add(&municipality, term(CV, "contactPoint"), point.clone());
        contact_point(ctx, &names, &mut g, &point, &ctx.site.config.contact, &[])?;
    }
    g.types(&area, &[(DCT, "Location")]);
    g.add(
        &area,
        term(LOCN, "geographicName"),
        ctx.source_text(&ctx.site.config.name),
    );
    for service in &ctx.site.services {
        let node = describe_service(ctx, &names, &mut g, service, &municipality, &area)?;
        g.add(&node, term(DCT, "isPartOf"), dataset.clone());
        g.add(&dataset, term(DCT, "hasPart"), node);
    }
    Ok(g)
}

/// The catalogue of services as a dataset: its title and description in every language, its
/// publisher, licence and date of last change, as far as `site.yaml` and the content give them.
fn describe_dataset(
    ctx: &Context,
    g: &mut Graph,
    dataset: &NamedNode,
    municipality: &NamedNode,
    area: &NamedNode,
) {
    g.types(dataset, &[(DCAT, "Dataset")]);
    for lang in ctx.languages() {
        let name = ctx.municipality(lang);
        let args = [("municipality", name.as_str().into())];
        let title = lang.format("data-services-title", &args);
        g.add(dataset, term(DCT, "title"), ctx.text(lang, title));
        let about = lang.text("data-services-about");
        g.add(dataset, term(DCT, "description"), ctx.text(lang, about));
    }
    g.add(dataset, term(DCT, "publisher"), municipality.clone());
    g.add(dataset, term(DCT, "spatial"), area.clone());
    let licence = ctx.site.config.licence.as_ref();
    if let Some(address) = licence.and_then(|l| licence_address(&l.value)) {
        // One of the addresses of `LICENCES`, known to be a valid IRI.
        let licence = NamedNode::new_unchecked(address);
        g.add(dataset, term(DCT, "license"), licence.clone());
        g.types(&licence, &[(DCT, "LicenseDocument")]);
    }
    if let Some(date) = ctx.last_change {
        let datatype = match date {
            When::Year(_) => xsd::G_YEAR,
            When::Date(_) => xsd::DATE,
        };
        let modified = Literal::new_typed_literal(iso_date(date), datatype);
        g.add(dataset, term(DCT, "modified"), modified);
    }
}

/// A public organisation by its name as the content writes it (in the source language), serving
/// the municipality's area.
fn describe_organisation(
    ctx: &Context,
    g: &mut Graph,
    node: &NamedNode,
    name: &str,
    area: &NamedNode,
) {
    g.types(
        node,
        &[
            (CV, "PublicOrganisation"),
            (ORG, "Organization"),
            (FOAF, "Agent"),
        ],
    );
    g.identify(node);
    g.add(node, term(SKOS, "prefLabel"), ctx.source_text(name));
    g.add(node, term(DCT, "title"), ctx.source_text(name));
    g.add(node, term(DCT, "spatial"), area.clone());
}

/// One service: names and summaries in every language it has a text in, its competent
/// authority, contact point, channels, cost, languages and pages.
fn describe_service(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    s: &Service,
    municipality: &NamedNode,
    area: &NamedNode,
) -> Result<NamedNode, Diagnostic> {
    let id = format!("service-{}", s.slug);
    let node = names.node(&id)?;
    g.types(&node, &[(CPSV, "PublicService")]);
    g.identify(&node);
    for lang in ctx.languages() {
        if let Some((_, doc)) = s.text.docs.get(&lang.code) {
            let front = &doc.front;
            g.add(
                &node,
                term(DCT, "title"),
                ctx.text(lang, front.title.clone()),
            );
            g.add(
                &node,
                term(DCT, "description"),
                ctx.text(lang, front.summary.clone()),
            );
        }
    }
    let authority = authority(ctx, names, g, s, municipality, area)?;
    g.add(&node, term(CV, "hasCompetentAuthority"), authority.clone());
    g.add(&node, term(DCT, "spatial"), area.clone());
    for language in s.facts.languages.iter().filter_map(|c| eu_language(c)) {
        if g.is_new(&language) {
            g.types(&language, &[(DCT, "LinguisticSystem")]);
        }
        g.add(&node, term(DCT, "language"), language);
    }
    let f = &s.facts;
    if !f.contact.is_empty() || !f.hours.is_empty() {
        let point = names.node(&format!("{id}-contact"))?;
        g.add(&node, term(CV, "contactPoint"), point.clone());
        contact_point(ctx, names, g, &point, &f.contact, &f.hours)?;
    }
    describe_channels(ctx, names, g, &node, &f.contact, &authority)?;
    describe_cost(ctx, names, g, &node, s, &id)?;
    pages(ctx, names, g, &node, s)?;
    Ok(node)
}

/// Who is responsible for a service: its `provider:` unit where the content names one, as an
/// organisation of its own, else the municipality.
fn authority(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    s: &Service,
    municipality: &NamedNode,
    area: &NamedNode,
) -> Result<NamedNode, Diagnostic> {
    let Some(provider) = &s.facts.provider else {
        return Ok(municipality.clone());
    };
    let unit = names.node(&format!("provider-{}", slugify(provider)))?;
    if g.is_new(&unit) {
        describe_organisation(ctx, g, &unit, provider, area);
    }
    Ok(unit)
}

/// A channel for each way [`channels`] finds, described in every language («Telefon: 67 05 90
/// 00») and owned by the service's competent authority.
fn describe_channels(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    service: &NamedNode,
    contact: &Contact,
    authority: &NamedNode,
) -> Result<(), Diagnostic> {
    for (kind, label, value) in channels(contact) {
        let channel = names.iri(format!("{}-{kind}", service.as_str()))?;
        g.add(service, term(CV, "hasChannel"), channel.clone());
        g.types(&channel, &[(CV, "Channel")]);
        g.identify(&channel);
        for lang in ctx.languages() {
            let text = format!("{}: {value}", lang.text(label));
            g.add(&channel, term(DCT, "description"), ctx.text(lang, text));
        }
        g.add(&channel, term(CV, "ownedBy"), authority.clone());
    }
    Ok(())
}

/// The ways the content gives to reach a service: each a channel, with the label its page shows.
fn channels(c: &Contact) -> Vec<(&'static str, &'static str, String)> {
    [
        ("phone", "service-phone", c.phone.clone()),
        ("email", "service-email", c.email.clone()),
        (
            "web",
            "service-web",
            c.web.as_ref().map(|w| w.value.clone()),
        ),
        ("address", "service-address", c.address.clone()),
    ]
    .into_iter()
    .filter_map(|(kind, label, value)| Some((kind, label, value?)))
    .collect()
}

/// A contact point: phone, e-mail, address, web page and opening hours, as far as given.
fn contact_point(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    point: &NamedNode,
    c: &Contact,
    hours: &[Hours],
) -> Result<(), Diagnostic> {
    g.types(point, &[(CV, "ContactPoint")]);
    if let Some(phone) = &c.phone {
        g.add(
            point,
            term(CV, "telephone"),
            Literal::new_simple_literal(phone),
        );
    }
    if let Some(email) = &c.email {
        g.add(point, term(CV, "email"), Literal::new_simple_literal(email));
    }
    if let Some(address) = &c.address {
        let node = names.iri(format!("{}-address", point.as_str()))?;
        g.add(point, term(LOCN, "address"), node.clone());
        g.types(&node, &[(LOCN, "Address")]);
        g.add(&node, term(LOCN, "fullAddress"), ctx.source_text(address));
    }
    if let Some(web) = &c.web {
        let page = names.iri(web.value.clone())?;
        g.add(point, term(CV, "contactPage"), page.clone());
        g.types(&page, &[(FOAF, "Document")]);
    }
    for (i, h) in hours.iter().enumerate() {
        let node = names.iri(format!("{}-hours-{}", point.as_str(), i + 1))?;
        g.add(point, term(CV, "openingHours"), node.clone());
        opening_hours(ctx, g, &node, h);
    }
    Ok(())
}

/// Opening hours: in words in every language, as the service page writes them, and in
/// schema.org's terms (days, opening and closing time) for programs.
fn opening_hours(ctx: &Context, g: &mut Graph, node: &NamedNode, h: &Hours) {
    g.types(
        node,
        &[
            (TIME, "TemporalEntity"),
            (SCHEMA, "OpeningHoursSpecification"),
        ],
    );
    for lang in ctx.languages() {
        g.add(
            node,
            term(DCT, "description"),
            ctx.text(lang, hours_line(lang, h)),
        );
    }
    for day in &h.days {
        g.add(
            node,
            term(SCHEMA, "dayOfWeek"),
            term(SCHEMA, day.english_name()),
        );
    }
    for (property, time) in [("opens", h.opens), ("closes", h.closes)] {
        let value = format!("{time}:00");
        g.add(
            node,
            term(SCHEMA, property),
            Literal::new_typed_literal(value, xsd::TIME),
        );
    }
}

/// The cost, when the content says it: free (0 kroner), a price, or only that one pays; in words
/// in every language as the service page writes it.
fn describe_cost(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    service: &NamedNode,
    s: &Service,
    id: &str,
) -> Result<(), Diagnostic> {
    let f = &s.facts;
    let texts: Vec<_> = ctx
        .languages()
        .filter_map(|lang| Some((lang, cost_text(lang, f.cost, f.price_nok)?)))
        .collect();
    if texts.is_empty() {
        return Ok(());
    }
    let cost = names.node(&format!("{id}-cost"))?;
    g.add(service, term(CV, "hasCost"), cost.clone());
    g.types(&cost, &[(CV, "Cost")]);
    g.identify(&cost);
    for (lang, text) in texts {
        g.add(&cost, term(DCT, "description"), ctx.text(lang, text));
    }
    let value = match (f.cost, f.price_nok) {
        (Cost::Free, _) => Some(0),
        (_, price) => price,
    };
    if let Some(value) = value {
        let value = Literal::new_typed_literal(format!("{value}.0E0"), xsd::DOUBLE);
        g.add(&cost, term(CV, "hasValue"), value);
        let nok = term(EU_CURRENCY, "NOK");
        g.add(&cost, term(CV, "currency"), nok.clone());
        if g.is_new(&nok) {
            g.types(&nok, &[(SKOS, "Concept")]);
        }
    }
    Ok(())
}

/// The service's page in each language of the portal, as a document in that language.
fn pages(
    ctx: &Context,
    names: &Names,
    g: &mut Graph,
    service: &NamedNode,
    s: &Service,
) -> Result<(), Diagnostic> {
    let route = Route::Service(s.slug.clone());
    for lang in ctx.languages() {
        let page = names.iri(names.address(&route.address(&ctx.site.slug, &lang.code)))?;
        g.add(service, term(FOAF, "page"), page.clone());
        g.types(&page, &[(FOAF, "Document")]);
        if let Some(language) = eu_language(&lang.code) {
            g.add(&page, term(DCT, "language"), language);
        }
    }
    Ok(())
}

/// The EU language table's entry for a language code, if [`LANGUAGE_CODES`] has it.
fn eu_language(code: &str) -> Option<NamedNode> {
    let (_, eu) = LANGUAGE_CODES.iter().find(|(c, _)| *c == code)?;
    Some(term(EU_LANGUAGE, eu))
}

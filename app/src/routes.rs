//! The HTML shell and the route table. Keep the paths: later features and checks rely on them.

use crate::account::{ErrorRoutePage, MyPage, SignInPage, SignedOutPage};
use crate::catalogue::{CataloguePage, ServicePage, StartPage};
use crate::context;
use crate::i18n::I18n;
use crate::ui::{ErrorPage, Layout};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around every page: language and direction, styles. Pages with islands add the
/// hydration script themselves ([`IslandScripts`](crate::ui::IslandScripts)), so pages without
/// any send no JavaScript or WebAssembly at all.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let ctx = context::current();
    provide_context(options.clone());
    provide_context(I18n { lang: ctx.lang });
    provide_context(ctx.clone());
    provide_context(crate::ui::ScriptsIncluded::default());
    #[cfg(feature = "ssr")]
    if !ctx.nonce.is_empty() {
        provide_context(leptos::nonce::Nonce::from_value(ctx.nonce.clone()));
    }
    let lang = ctx.lang;
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.direction().as_str()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <crate::ui::Stylesheet options=options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <ErrorPage error=crate::error::AppError::NotFound.respond()/> }>
                    <Route path=path!("/") view=StartPage ssr=SsrMode::Async/>
                    <Route path=path!("/services") view=CataloguePage ssr=SsrMode::Async/>
                    <Route path=path!("/services/:slug") view=ServicePage ssr=SsrMode::Async/>
                    <Route path=path!("/services/:slug/start") view=crate::eservices::ApplyStartPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/:token/step/:step") view=crate::eservices::ApplyStepPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/:token/check") view=crate::eservices::ApplyCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/:token/declaration") view=crate::eservices::ApplyDeclarationPage ssr=SsrMode::Async/>
                    <Route path=path!("/business") view=crate::business::BusinessGuidePage ssr=SsrMode::Async/>
                    <Route path=path!("/business/checklist") view=crate::business::ChecklistPage ssr=SsrMode::Async/>
                    <Route path=path!("/business/apply/:token") view=crate::bundles::BundleApplyPage ssr=SsrMode::Async/>
                    <Route path=path!("/business/apply/:token/facts") view=crate::bundles::BundleFactsPage ssr=SsrMode::Async/>
                    <Route path=path!("/business/apply/:token/documents") view=crate::bundles::BundleDocumentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/business/apply/:token/check") view=crate::bundles::BundleCheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/compare") view=crate::compare::ComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/compare/side-by-side") view=crate::compare::SideBySidePage ssr=SsrMode::Async/>
                    <Route path=path!("/compare/units/:id") view=crate::compare::UnitPage ssr=SsrMode::Async/>
                    <Route path=path!("/open-data/providers") view=crate::compare::OpenDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/open-data/service-levels") view=crate::stats::ServiceLevelsOpenDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/stats") view=crate::stats::StatsPage ssr=SsrMode::Async/>
                    <Route path=path!("/stats/services/:slug") view=crate::stats::ServiceStatsPage ssr=SsrMode::Async/>
                    <Route path=path!("/stats/report") view=crate::stats::ReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/provider") view=crate::provider::ProviderPage ssr=SsrMode::Async/>
                    <Route path=path!("/provider/feedback/:id") view=crate::provider::ProviderFeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/provider/units/:id") view=crate::provider::ProviderUnitPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/providers") view=crate::admin::ProvidersAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/signed-out") view=SignedOutPage ssr=SsrMode::Async/>
                    <Route path=path!("/error/:code") view=ErrorRoutePage ssr=SsrMode::Async/>
                    <Route path=path!("/my") view=MyPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/cases") view=crate::cases::MyCasesPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/data") view=crate::records::MyDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/cases/:id") view=crate::cases::MyCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/my/cases/:id/receipt") view=crate::eservices::ReceiptPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/cases/:id/decision") view=crate::cases::DecisionPrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/business/:id") view=crate::bundles::BundleStatusPage ssr=SsrMode::Async/>
                    <Route path=path!("/my/email/confirm") view=crate::account::ConfirmEmailPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact") view=crate::contact::ContactBoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/errands/new") view=crate::contact::NewErrandPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/errands/:id") view=crate::contact::ErrandPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/lookup") view=crate::contact::LookupPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/people/:id") view=crate::contact::PersonPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/callbacks") view=crate::contact::CallbacksPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/callbacks/:id") view=crate::contact::CallbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/directory") view=crate::contact::DirectoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/contact/figures") view=crate::contact::ContactFiguresPage ssr=SsrMode::Async/>
                    <Route path=path!("/incidents") view=crate::security::IncidentsPage ssr=SsrMode::Async/>
                    <Route path=path!("/incidents/new") view=crate::security::NewIncidentPage ssr=SsrMode::Async/>
                    <Route path=path!("/incidents/:id") view=crate::security::IncidentPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/classification") view=crate::security::ClassificationPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/protected") view=crate::security::ProtectedGrantsPage ssr=SsrMode::Async/>
                    <Route path=path!("/officer") view=crate::officer::OfficerQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/officer/cases/:id") view=crate::officer::OfficerCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/officer/bundles") view=crate::bundles::OfficerBundlesPage ssr=SsrMode::Async/>
                    <Route path=path!("/officer/bundles/:id") view=crate::bundles::OfficerBundlePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/access") view=crate::admin::AccessPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/access/review") view=crate::admin::ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/services") view=crate::admin::ServicesAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/services/:id") view=crate::admin::ServicePreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=crate::admin::AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content") view=crate::content::ContentOverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/services/new") view=crate::content::ServiceEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/services/:id") view=crate::content::ServiceEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/services/:id/versions/:number") view=crate::content::VersionPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/messages/new") view=crate::content::MessageEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/messages/:id") view=crate::content::MessageEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/content/accessibility") view=crate::content::ShortcomingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/tillganglighet") view=crate::content::AccessibilityStatementPage ssr=SsrMode::Async/>
                    <Route path=path!("/test-idp-picker") view=crate::test_idp::TestIdpPickerPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

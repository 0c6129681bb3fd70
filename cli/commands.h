#pragma once
// One function per verb of the command-line tool; argv[1] is the verb.

namespace lowsky::cli {
int run_validate(int argc, char** argv);
int run_route(int argc, char** argv);
int run_format(int argc, char** argv);
int run_export(int argc, char** argv);
int run_import(int argc, char** argv);
int run_simulate(int argc, char** argv);
int run_flight(int argc, char** argv);
int run_edit(int argc, char** argv);
int run_plan_inspection(int argc, char** argv);
int run_plan_sightseeing(int argc, char** argv);
int run_tour(int argc, char** argv);
int run_draft(int argc, char** argv);
int run_reach(int argc, char** argv);
int run_draft_network(int argc, char** argv);
int run_sweep(int argc, char** argv);
}  // namespace lowsky::cli

# Closed layers, checked when the build is configured (and by ctest tst_layers): no file under
# views/ includes a header of repositories/, the SQLite part of the data layer. Views may include
# the SQL-free values of entities/ (library cwi_entities: entities, the catalog and schema map,
# write plans, the action catalogue, table queries, row records, the insight index's values);
# everything else reaches the data through models/.
#
# Includes that still break the rule are listed in views/layer-exceptions.txt, one
# "views/FILE -> repositories/HEADER" per line. That list may only shrink: a new include of a
# repository header fails, and so does a listed line that is no longer true (delete it).
#
# The same holds for the headers of models/ (what views include of models), with the list
# models/header-exceptions.txt: when it and views/layer-exceptions.txt are empty, cwi_models can
# link cwi_repositories PRIVATE.
#
#   cmake -DSOURCE_DIR=<top> -P cmake/checklayers.cmake

cmake_policy(SET CMP0057 NEW) # IN_LIST in script mode

# Files of LAYER (a folder: views, models) matching GLOBS may include no header of repositories/
# beyond the lines of LAYER/EXCEPTIONS, which may only shrink.
function(cwi_check_repository_includes source_dir layer globs exceptions advice)
    file(GLOB_RECURSE forbidden RELATIVE "${source_dir}/repositories" "${source_dir}/repositories/*.h")
    set(exceptions_file "${source_dir}/${layer}/${exceptions}")
    set(allowed "")
    if(EXISTS "${exceptions_file}")
        file(STRINGS "${exceptions_file}" lines)
        foreach(line IN LISTS lines)
            if(line MATCHES "^${layer}/")
                list(APPEND allowed "${line}")
            endif()
        endforeach()
    endif()
    set(patterns "")
    foreach(glob IN LISTS globs)
        list(APPEND patterns "${source_dir}/${layer}/${glob}")
    endforeach()
    file(GLOB_RECURSE layer_files RELATIVE "${source_dir}" ${patterns})
    set(found "")
    set(violations "")
    foreach(file IN LISTS layer_files)
        file(STRINGS "${source_dir}/${file}" includes REGEX "^#include \"[^\"]+\"")
        get_filename_component(file_dir "${source_dir}/${file}" DIRECTORY)
        foreach(include IN LISTS includes)
            string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" name "${include}")
            # A header next to the file (or under its layer) is the layer's own, whatever its name.
            if(EXISTS "${file_dir}/${name}" OR EXISTS "${source_dir}/${layer}/${name}")
                continue()
            endif()
            # Repository headers are included by their path under repositories/ or by their
            # file name (the include paths hold both).
            foreach(header IN LISTS forbidden)
                get_filename_component(header_name "${header}" NAME)
                if(name STREQUAL header OR name STREQUAL header_name)
                    set(entry "${file} -> repositories/${header}")
                    list(APPEND found "${entry}")
                    if(NOT entry IN_LIST allowed)
                        list(APPEND violations "${entry}")
                    endif()
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(stale "")
    foreach(entry IN LISTS allowed)
        if(NOT entry IN_LIST found)
            list(APPEND stale "${entry}")
        endif()
    endforeach()
    if(violations)
        list(JOIN violations "\n  " text)
        message(FATAL_ERROR "Layers: ${advice}:\n  ${text}")
    endif()
    if(stale)
        list(JOIN stale "\n  " text)
        message(FATAL_ERROR "Layers: ${layer}/${exceptions} lists includes that are gone; delete these lines:\n  ${text}")
    endif()
    list(LENGTH found count)
    message(STATUS "Layers: ${layer}/ includes no repository header beyond the ${count} listed in ${layer}/${exceptions}")
endfunction()

function(cwi_check_layers source_dir)
    cwi_check_repository_includes("${source_dir}" views "*.h;*.cpp" layer-exceptions.txt
        "a view includes a repository header (go through models/ instead)")
    # What views include of models/: a model header that includes a repository header hands the
    # SQLite part to every view that includes it (and keeps cwi_repositories PUBLIC).
    cwi_check_repository_includes("${source_dir}" models "*.h" header-exceptions.txt
        "a models/ header includes a repository header (declare the class, include it in the .cpp; values go to entities/)")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND SOURCE_DIR)
    cwi_check_layers("${SOURCE_DIR}")
endif()

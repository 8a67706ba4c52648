//! Importing the programme document, as a markdown conversion of its PDF, into the model.

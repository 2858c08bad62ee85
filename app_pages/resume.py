import streamlit as st

st.title("resume")
st.info("Coming soon.")
